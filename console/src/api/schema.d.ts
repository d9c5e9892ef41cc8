/**
 * Generated from the server's OpenAPI document (GET /api/openapi.json) by `npm run api:generate`.
 * Do not edit by hand; a test fails when it is out of step with the route schemas.
 */

export interface paths {
  '/api/v1/auth/sign-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Step 1 of sign-in: username or e-mail and password. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            login: string;
            password: string;
            remember?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              next: 'password' | 'otp' | 'configure_totp' | 'update_password' | 'done' | 'sign_in';
              /** @description Send it as X-CSRF-Token with every write. */
              csrfToken?: string;
              devices: components['schemas']['AuthDevice'][];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/flow': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The sign-in in progress: its kind, the next step and the confirmed authenticators. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              kind:
                | 'login'
                | 'reset_password'
                | 'admin_update_password'
                | 'admin_reset_otp'
                | 'setup_admin'
                | 'setup_account'
                | 'add_device';
              /** @enum {string|null} */
              next: 'password' | 'otp' | 'configure_totp' | 'update_password' | null;
              pending: ('password' | 'otp' | 'configure_totp' | 'update_password')[];
              csrfToken: string;
              account: {
                fullName: string;
                username: string;
              };
              devices: components['schemas']['AuthDevice'][];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The password step of a link flow. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StepResult'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/otp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The authenticator code step. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
            /** Format: uuid */
            deviceId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StepResult'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/totp/enrollment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Starts (or shows again) an authenticator enrolment: the secret for the QR code. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              secret: string;
              uri: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/totp/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirms an enrolment with a first code and a device name. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
            deviceName: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StepResult'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/new-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The update-password step: the new password twice. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            password: string;
            confirmation: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StepResult'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/links/redeem': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Opens a link from an e-mail: starts its flow on a new sign-in. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              next: 'password' | 'otp' | 'configure_totp' | 'update_password' | 'done' | 'sign_in';
              /** @description Send it as X-CSRF-Token with every write. */
              csrfToken?: string;
              /** @enum {string} */
              kind:
                | 'login'
                | 'reset_password'
                | 'admin_update_password'
                | 'admin_reset_otp'
                | 'setup_admin'
                | 'setup_account'
                | 'add_device';
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/forgot-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** "Lupa Password": sends a reset link if the address belongs to an account. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              message: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/sign-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Signs out the current session. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in account, what the console may offer it, and the CSRF token. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              account: components['schemas']['Account'];
              permissions: components['schemas']['ConsolePermissions'];
              csrfToken: string;
              /** Format: date-time */
              expiresAt: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The account's signed-in sessions (Keamanan). */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              sessions: {
                id: string;
                current: boolean;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                lastSeenAt: string;
                /** Format: date-time */
                expiresAt: string;
                ip: string | null;
                userAgent: string | null;
                remember: boolean;
              }[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Signs out one of the account’s sessions. */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/sessions/sign-out-others': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Signs out every other session of the account. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              signedOut: number;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/devices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The account's authenticators. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              devices: {
                /** Format: uuid */
                id: string;
                name: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                lastUsedAt: string | null;
              }[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/devices/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Removes an authenticator (not the only one). */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Changes the password, knowing the current one. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            currentPassword: string;
            password: string;
            confirmation: string;
            signOutOthers?: boolean;
          };
        };
      };
      responses: {
        /** @description No content. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/activity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The account's own security events, newest first (Aktivitas). */
    get: {
      parameters: {
        query?: {
          /** @description Only events older than this event id. */
          before?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              events: {
                id: string;
                /** Format: date-time */
                at: string;
                action: string;
                ip: string | null;
                /** ActivityDetails */
                details: {
                  device?: string;
                  reason?: string;
                  link?: string;
                  session?: string;
                  count?: number;
                  /** Format: date-time */
                  until?: string;
                };
              }[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The accounts the caller may see, newest first, with their lock state. */
    get: {
      parameters: {
        query?: {
          /** @description Part of the username, e-mail or name. */
          q?: string;
          /** @description At most this many (default 50 for the outbox, 100 for accounts). */
          limit?: number;
          offset?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              total: number;
              accounts: components['schemas']['AdminAccount'][];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Creates an account; it sets its password and authenticator from the link it is sent. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            username: string;
            email: string;
            fullName: string;
            roles: ('subscriber' | 'ra_officer' | 'institution_admin' | 'ca_admin')[];
            /**
             * Format: uuid
             * @description Default: the caller’s institution.
             */
            institutionId?: string;
            /** @enum {string} */
            locale?: 'id' | 'en';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              account: components['schemas']['Account'];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/accounts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One account, and what the caller may do to it. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              account: components['schemas']['AdminAccountDetail'];
              permissions: {
                sendLink: boolean;
                unlock: boolean;
              };
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/accounts/{id}/links': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The open links of an account ("Tautan Aktif"), without their tokens. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              links: {
                /** @enum {string} */
                action:
                  | 'RESET_PASSWORD'
                  | 'UPDATE_PASSWORD'
                  | 'RESET_OTP_DEVICE'
                  | 'SETUP_ADMIN'
                  | 'ACTIVATE_ACCOUNT'
                  | 'CONFIRM_EMAIL'
                  | 'SETUP_ACCOUNT'
                  | 'SET_PASSPHRASE'
                  | 'RESET_PASSPHRASE'
                  | 'DOWNLOAD_KEYSTORE'
                  | 'APPROVE_TOTP';
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                expiresAt: string;
              }[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** "Kirim tautan": e-mails the account a link to reset its authenticator or password. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            action: 'RESET_OTP_DEVICE' | 'UPDATE_PASSWORD';
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              expiresAt: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/accounts/{id}/unlock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ends a lockout before its time. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/outbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The notification outbox, newest first; `status=failed` lists the dead letters ("Gagal"). */
    get: {
      parameters: {
        query?: {
          /** @description At most this many (default 50 for the outbox, 100 for accounts). */
          limit?: number;
          offset?: number;
          status?: 'pending' | 'sent' | 'failed';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              total: number;
              items: components['schemas']['OutboxEntry'][];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/outbox/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One outbox message; the log channel’s with its rendered content. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              channel: 'email' | 'whatsapp' | 'log';
              template: string;
              /** @enum {string} */
              locale: 'id' | 'en';
              /** @description Masked, e.g. b***@contoh.go.id. */
              recipient: string;
              subject: string | null;
              /** @enum {string} */
              status: 'pending' | 'sent' | 'failed';
              attempts: number;
              /** Format: date-time */
              nextAttemptAt: string;
              lastError: string | null;
              /** Format: uuid */
              accountId: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              sentAt: string | null;
              /** Format: date-time */
              failedAt: string | null;
              /** @description A dead letter whose content is still kept ("Kirim ulang"). */
              resendable: boolean;
              content: {
                subject: string;
                text: string;
                html: string;
              } | null;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/outbox/{id}/resend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** "Kirim ulang": queues a failed message again (its content must still be kept). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The institutions the caller may see, by name (an institution admin: their own). */
    get: {
      parameters: {
        query?: {
          /** @description Part of the name, code or province. */
          q?: string;
          active?: boolean;
          /** @description At most this many (default 100). */
          limit?: number;
          offset?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              total: number;
              institutions: components['schemas']['Institution'][];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Creates an institution; policy fields not given take their defaults. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @description Derived from the name when not given. */
            code?: string;
            emailDomains: string[];
            province?: string | null;
            policy?: {
              /** @description Anyone at an allowed domain may start a registration. */
              selfRegistration?: boolean;
              /** @description Registrations need a checked NIP. */
              nipCheckRequired?: boolean;
              /** @description Two RA officers approve each registration, not one. */
              fourEyes?: boolean;
              /** @description Holders may download their key as a PKCS#12 keystore without a DOWNLOAD_KEYSTORE link. */
              keystoreSelfService?: boolean;
              /** @description Perpanjangan re-uses the verified data: a renewal goes straight to the set-passphrase link, not through the RA queue. */
              renewalReusesVerifiedData?: boolean;
              /** @description The name is written without academic titles. */
              nameWithoutTitles?: boolean;
              nameMaxLength?: number;
              jabatanForbiddenCharacters?: string;
              jabatanMaxLength?: number;
              /** @description The Unit Organisasi is the Eselon I unit, written out. */
              unitUnabbreviated?: boolean;
              unitMaxLength?: number;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Institution'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One institution with its policy. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Institution'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edits the name, e-mail domains, province or policy; fields not given stay. */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            emailDomains?: string[];
            province?: string | null;
            policy?: {
              /** @description Anyone at an allowed domain may start a registration. */
              selfRegistration?: boolean;
              /** @description Registrations need a checked NIP. */
              nipCheckRequired?: boolean;
              /** @description Two RA officers approve each registration, not one. */
              fourEyes?: boolean;
              /** @description Holders may download their key as a PKCS#12 keystore without a DOWNLOAD_KEYSTORE link. */
              keystoreSelfService?: boolean;
              /** @description Perpanjangan re-uses the verified data: a renewal goes straight to the set-passphrase link, not through the RA queue. */
              renewalReusesVerifiedData?: boolean;
              /** @description The name is written without academic titles. */
              nameWithoutTitles?: boolean;
              nameMaxLength?: number;
              jabatanForbiddenCharacters?: string;
              jabatanMaxLength?: number;
              /** @description The Unit Organisasi is the Eselon I unit, written out. */
              unitUnabbreviated?: boolean;
              unitMaxLength?: number;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Institution'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/institutions/{id}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Deactivates an institution (no new registrations). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Institution'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/{id}/reactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reactivates an institution. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Institution'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/consents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The consent documents of the registration wizard, current versions (templates an operator replaces). */
    get: {
      parameters: {
        query?: {
          locale?: 'id' | 'en';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              documents: {
                /** @enum {string} */
                document: 'privacy_policy' | 'subscriber_agreement' | 'data_processing';
                version: string;
                title: string;
                /** @description Markdown. */
                text: string;
              }[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registration': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The wizard: its status, step and the data given so far (opens it on first use). */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Registration'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registration/data-diri': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Step 1, Data Diri (the e-mail is given and not editable). */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            fullName: string;
            /** @description 16 digits, as on the KTP. */
            nik: string;
            gelarDepan?: string | null;
            gelarBelakang?: string | null;
            /** @description Masukkan 10–15 digit angka. Contoh: 08123456789 */
            phone: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Registration'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registration/check-nip': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** "Cek NIP / NRP": the format, the NIK, and the personnel registry (BKN) when configured. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            nip: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string|null} */
              verifiedBy: 'bkn' | null;
              unitOrganisasi?: string;
              jabatan?: string;
              province?: string;
              message: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registration/data-kedinasan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Step 2, Data Kedinasan ("asn": ASN dan Penyidik POLRI with the NIP; "other": Lainnya). */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            employeeType: 'asn' | 'other';
            nip?: string | null;
            unitOrganisasi: string;
            jabatan: string;
            province: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Registration'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registration/photo/selfie': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The person's own selfie for the preview (image/jpeg or image/png, no-store). */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The stored image (JPEG or PNG). */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /** Step 3, the selfie: the raw JPEG or PNG bytes (Content-Type image/jpeg or image/png), re-encoded without metadata. */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              ok: true;
              width: number;
              height: number;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registration/photo/ktp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The person's own KTP scan for the preview (image/jpeg or image/png, no-store). */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The stored image (JPEG or PNG). */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /** The optional KTP scan: the raw JPEG or PNG bytes, re-encoded without metadata. */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              ok: true;
              width: number;
              height: number;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registration/consents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Accepts consent documents, each in its current version (recorded with the time). */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            accepted: {
              /** @enum {string} */
              document: 'privacy_policy' | 'subscriber_agreement' | 'data_processing';
              version: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Registration'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registration/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submits the registration ("Aktivasi berhasil") after every check again; the link is then closed. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'submitted';
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/registrations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The RA queue: registrations of the caller’s institution (a CA admin: any), oldest first. */
    get: {
      parameters: {
        query?: {
          /** @description Only this institution (a CA admin; others: their own). */
          institutionId?: string;
          status?:
            | 'waiting'
            | 'all'
            | 'invited'
            | 'in_progress'
            | 'submitted'
            | 'first_approval'
            | 'verified'
            | 'rejected';
          /** @description Part of the name or e-mail, or a whole NIK (16) or NIP (18 digits). */
          q?: string;
          /** @description Submitted at or after. */
          from?: string;
          /** @description Submitted before. */
          to?: string;
          /** @description At most this many (default 50). */
          limit?: number;
          offset?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              total: number;
              registrations: components['schemas']['RegistrationListItem'][];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/registrations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tinjau Ulang → Overview of one registration (the read of its personal data is audited). */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RegistrationOverview'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Ubah Akun: corrects data fields (the NIK by an RA officer only); each change is in Riwayat Data. */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            fullName?: string;
            gelarDepan?: string | null;
            gelarBelakang?: string | null;
            nik?: string;
            nip?: string | null;
            phone?: string;
            jabatan?: string | null;
            unitOrganisasi?: string | null;
            province?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              changed: string[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/ra/registrations/{id}/photos/selfie': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The selfie (Foto Diri) of a registration; every view is audited. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The image (JPEG or PNG). */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/*': unknown;
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/registrations/{id}/photos/ktp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The KTP scan of a registration; every view is audited. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The image (JPEG or PNG). */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/*': unknown;
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/registrations/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Riwayat Data: every change with its old and new value, who and when (the read is audited). */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              history: {
                /** Format: uuid */
                id: string;
                field: string;
                old: string | string[] | null;
                new: string | string[] | null;
                changedBy: string;
                changedByName: string | null;
                cause: string;
                /** Format: date-time */
                at: string;
              }[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/registrations/{id}/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Jenis Permohonan: the products this user may request (esign, eseal). */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            products: ('esign' | 'eseal' | 'ssl')[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              products: string[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/registrations/{id}/phone-verified': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Marks the phone number verified by this RA officer ("Terverifikasi"). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              phoneVerifiedAt: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/registrations/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approves: verified, or under four-eyes first_approval until a second officer confirms. Sends "[BSrE] Informasi Akun". */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'invited' | 'in_progress' | 'submitted' | 'first_approval' | 'verified' | 'rejected';
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/registrations/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rejects with a reason the user is told by e-mail. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'invited' | 'in_progress' | 'submitted' | 'first_approval' | 'verified' | 'rejected';
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificate-products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The product cards of "Permohonan Baru": which ones this account may request (Jenis Permohonan). */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              products: {
                /** @enum {string} */
                id: 'esign' | 'eseal' | 'ssl';
                available: boolean;
                comingSoon: boolean;
                reason: string | null;
              }[];
              documentMaxBytes: number;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificate-requests/plan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The exact subject a request of this product would carry (shown before submitting). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            product: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              product: 'esign' | 'eseal';
              /** Format: uuid */
              institutionId: string;
              subjectText: string;
              emails: string[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificate-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** "Status Permohonan": the own requests, newest first. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              requests: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                product: 'esign' | 'eseal';
                /** @enum {string} */
                kind: 'new' | 'renewal' | 'reset';
                /** @enum {string} */
                status: 'submitted' | 'approved' | 'issued' | 'rejected' | 'cancelled';
                /** @enum {string} */
                verificationStatus: 'WAITING' | 'VERIFIED' | 'REJECTED' | 'CANCELLED';
                /** @enum {string} */
                enrollmentStatus: 'NOT_STARTED' | 'WAITING_PASSPHRASE' | 'ENROLLED';
                subject: string;
                document: {
                  name: string;
                  bytes: number;
                } | null;
                /** Format: date-time */
                submittedAt: string;
                /** Format: uuid */
                firstApprovedBy: string | null;
                /** Format: date-time */
                approvedAt: string | null;
                /** Format: date-time */
                rejectedAt: string | null;
                rejectReason: string | null;
                /** Format: date-time */
                issuedAt: string | null;
              }[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Submits a request; eSign with "Dokumen Pendukung" (a PDF, base64, size-limited, stored sealed). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            product: string;
            document?: {
              name: string;
              contentBase64: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              subjectText: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/certificate-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The RA queue of certificate requests of the caller’s institution (a CA admin: any), oldest first. */
    get: {
      parameters: {
        query?: {
          /** @description Only this institution (a CA admin; others: their own). */
          institutionId?: string;
          status?: 'all' | 'submitted' | 'approved' | 'issued' | 'rejected' | 'cancelled';
          /** @description Part of the holder’s name or e-mail or of the request’s CN, or a whole NIK (16) or NIP (18 digits). */
          q?: string;
          /** @description Submitted at or after. */
          from?: string;
          /** @description Submitted before. */
          to?: string;
          /** @description At most this many (default 50). */
          limit?: number;
          offset?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              total: number;
              requests: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                product: 'esign' | 'eseal';
                /** @enum {string} */
                kind: 'new' | 'renewal' | 'reset';
                /** @enum {string} */
                status: 'submitted' | 'approved' | 'issued' | 'rejected' | 'cancelled';
                /** @enum {string} */
                verificationStatus: 'WAITING' | 'VERIFIED' | 'REJECTED' | 'CANCELLED';
                /** @enum {string} */
                enrollmentStatus: 'NOT_STARTED' | 'WAITING_PASSPHRASE' | 'ENROLLED';
                subject: string;
                document: {
                  name: string;
                  bytes: number;
                } | null;
                /** Format: date-time */
                submittedAt: string;
                /** Format: uuid */
                firstApprovedBy: string | null;
                /** Format: date-time */
                approvedAt: string | null;
                /** Format: date-time */
                rejectedAt: string | null;
                rejectReason: string | null;
                /** Format: date-time */
                issuedAt: string | null;
                /** Format: uuid */
                accountId: string;
                /** Format: uuid */
                institutionId: string;
                institutionName: string;
                fullName: string;
                email: string;
              }[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/certificate-requests/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tinjau Ulang of a certificate request with the holder’s profile (audited). */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              product: 'esign' | 'eseal';
              /** @enum {string} */
              kind: 'new' | 'renewal' | 'reset';
              /** @enum {string} */
              status: 'submitted' | 'approved' | 'issued' | 'rejected' | 'cancelled';
              /** @enum {string} */
              verificationStatus: 'WAITING' | 'VERIFIED' | 'REJECTED' | 'CANCELLED';
              /** @enum {string} */
              enrollmentStatus: 'NOT_STARTED' | 'WAITING_PASSPHRASE' | 'ENROLLED';
              subject: string;
              document: {
                name: string;
                bytes: number;
              } | null;
              /** Format: date-time */
              submittedAt: string;
              /** Format: uuid */
              firstApprovedBy: string | null;
              /** Format: date-time */
              approvedAt: string | null;
              /** Format: date-time */
              rejectedAt: string | null;
              rejectReason: string | null;
              /** Format: date-time */
              issuedAt: string | null;
              /** Format: uuid */
              accountId: string;
              fourEyes: boolean;
              mayDecide: boolean;
              holder: {
                fullName: string;
                email: string;
                institutionName: string;
                jabatan: string | null;
                unitOrganisasi: string | null;
                province: string | null;
                registrationStatus: string | null;
                products: string[];
              };
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/certificate-requests/{id}/document': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The supporting document (application/pdf); every view is audited. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The PDF. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': unknown;
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/certificate-requests/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Setujui: approves (four-eyes: the first approval waits for a second officer); then the set-passphrase link goes out. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'first_approval' | 'approved';
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/certificate-requests/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Tolak: rejects with the reason the holder is told. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'rejected';
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/passphrase-link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** What a set-passphrase link is about: the request, subject, product, the agreement and the passphrase rule (the link stays unused). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token?: string;
            /** @enum {string} */
            locale?: 'id' | 'en';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              requestId: string;
              /** @enum {string} */
              product: 'esign' | 'eseal';
              productLabel: string;
              subject: string;
              agreement: {
                version: string;
                title: string;
                text: string;
              };
              rule: {
                minLength: number;
                maxLength: number;
                text: string;
              };
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/passphrase-link/set': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Membuat Passphrase: sets it, accepts the agreement, and issues the certificate. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token?: string;
            passphrase: string;
            confirmation: string;
            agreementVersion: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              requestId: string;
              serial: string;
              /** Format: date-time */
              notAfter: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/{institutionId}/api-clients': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The institution's API clients (never their secrets). */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          institutionId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              clients: components['schemas']['ApiClient'][];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Creates an API client; the answer carries its secret, this once only. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          institutionId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            description: string;
            allowedCidrs?: string[];
            /** @description Calls per minute. */
            rateLimitPerMinute?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              institutionId: string;
              username: string;
              description: string;
              enabled: boolean;
              allowedCidrs: string[];
              rateLimitPerMinute: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              secretRotatedAt: string | null;
              /** Format: date-time */
              lastUsedAt: string | null;
              /** @description The secret (HTTP Basic password): shown this once only. */
              secret: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/{institutionId}/api-clients/{id}/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Disables an API client: its next call is refused. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          institutionId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description An API client, without its secret or hash. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiClient'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/{institutionId}/api-clients/{id}/enable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Enables a disabled API client again. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          institutionId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description An API client, without its secret or hash. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiClient'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/{institutionId}/api-clients/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edits the source-address allowlist (CIDR; empty: any) and the rate limit; fields not given stay. */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          institutionId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            allowedCidrs?: string[];
            /** @description Calls per minute. */
            rateLimitPerMinute?: number;
          };
        };
      };
      responses: {
        /** @description An API client, without its secret or hash. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiClient'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/institutions/{institutionId}/api-clients/{id}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Gives the client a new secret (answered this once); the old one stops working at once. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          institutionId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              institutionId: string;
              username: string;
              description: string;
              enabled: boolean;
              allowedCidrs: string[];
              rateLimitPerMinute: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              secretRotatedAt: string | null;
              /** Format: date-time */
              lastUsedAt: string | null;
              /** @description The secret (HTTP Basic password): shown this once only. */
              secret: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registration-imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's own recent imports, newest first, and the limits of one file (the console's Impor Pengguna page). */
    get: {
      parameters: {
        query?: {
          /** @description How many (10). */
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              imports: components['schemas']['RegistrationImport'][];
              /** RegistrationImportLimits */
              limits: {
                /** @description TEKEN_IMPORT_MAX_BYTES: the largest file. */
                maxBytes: number;
                /** @description TEKEN_IMPORT_MAX_ROWS: the most data rows. */
                maxRows: number;
              };
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Starts the import of a CSV file (or resumes the unfinished import of the same file); it runs in the background.
     * @description The CSV file (text/csv): a header row with nama (or "Nama Lengkap"), email, optional bahasa.
     */
    post: {
      parameters: {
        query?: {
          /** @description The institution (CA administrators); by default the caller’s own. */
          institutionId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              import: components['schemas']['RegistrationImport'];
              /** @description Whether this resumed an unfinished import of the same file (no new job). */
              resumed: boolean;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registration-imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An import's progress. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              import: components['schemas']['RegistrationImport'];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registration-imports/{id}/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An import's per-row report as CSV: row, nama, email, result, reason. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The report (text/csv), streamed. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': unknown;
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registration-imports/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Checks every row of a CSV file as the import would; writes nothing.
     * @description The CSV file (text/csv): a header row with nama (or "Nama Lengkap"), email, optional bahasa.
     */
    post: {
      parameters: {
        query?: {
          /** @description The institution (CA administrators); by default the caller’s own. */
          institutionId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              institutionId: string;
              counts: {
                rows: number;
                new: number;
                resend: number;
                invalid: number;
              };
              rows: {
                row: number;
                nama: string;
                email: string;
                /** @enum {string|null} */
                bahasa: 'id' | 'en' | null;
                /** @enum {string} */
                status: 'new' | 'resend' | 'invalid';
                problems: {
                  /** @enum {string} */
                  column: 'nama' | 'email' | 'bahasa';
                  /** @enum {string} */
                  rule:
                    'required' | 'max_length' | 'format' | 'domain' | 'duplicate' | 'registered' | 'one_of';
                  /** @description The problem in English; the console words it from column, rule and params. */
                  message: string;
                  params?: {
                    /** @description duplicate: the earlier row with the same address. */
                    row?: number;
                    /** @description max_length: the longest allowed. */
                    max?: number;
                    domains?: string[];
                  };
                }[];
              }[];
              truncated: boolean;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v2/whoami': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The API client the HTTP Basic credentials name, and its institution. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              status: boolean;
              username: string;
              /** Format: uuid */
              institutionId: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registrations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Invites one person: a pending account, its registration and the "[BSrE] Aktivasi Akun" e-mail. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            institutionId: string;
            /** @description Nama Lengkap. */
            fullName: string;
            email: string;
            /** @enum {string} */
            locale?: 'id' | 'en';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              accountId: string;
              /** @description An open registration got a fresh link (the old one ends). */
              resent: boolean;
              /** Format: date-time */
              expiresAt: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registrations/{accountId}/resend-activation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sends a new activation link for an invited or in-progress registration; the old link ends. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              accountId: string;
              /** @description An open registration got a fresh link (the old one ends). */
              resent: boolean;
              /** Format: date-time */
              expiresAt: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v2/user/registration': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Starts a registration at the API client's institution; the person receives the activation link. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Nama lengkap. */
            nama: string;
            email: string;
          } & {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: true;
              message: string;
              data: {
                /** Format: uuid */
                accountId: string;
                email: string;
                resent: boolean;
                /** Format: date-time */
                expiresAt: string;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v2/user/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Starts a registration at the API client's institution; the person receives the activation link. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Nama lengkap. */
            nama: string;
            email: string;
          } & {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: true;
              message: string;
              data: {
                /** Format: uuid */
                accountId: string;
                email: string;
                resent: boolean;
                /** Format: date-time */
                expiresAt: string;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/user/status/{nik}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** eSign v1: the certificate status of the institution's holder with this NIK (1111: may sign). */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          nik: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description 1111: may sign (ISSUE); 2011: not registered; 2021: may not sign now. */
              status_code: number;
              message: string;
              /** @enum {string} */
              status:
                | 'ISSUE'
                | 'EXPIRED'
                | 'RENEW'
                | 'WAITING_FOR_VERIFICATION'
                | 'NEW'
                | 'NO_CERTIFICATE'
                | 'NOT_REGISTERED'
                | 'SUSPEND'
                | 'REVOKE';
              /** @enum {string} */
              userStatus:
                | 'ISSUE'
                | 'EXPIRED'
                | 'RENEW'
                | 'WAITING_FOR_VERIFICATION'
                | 'NEW'
                | 'NO_CERTIFICATE'
                | 'NOT_REGISTERED'
                | 'SUSPEND'
                | 'REVOKE';
              data: {
                /** @enum {string} */
                status:
                  | 'ISSUE'
                  | 'EXPIRED'
                  | 'RENEW'
                  | 'WAITING_FOR_VERIFICATION'
                  | 'NEW'
                  | 'NO_CERTIFICATE'
                  | 'NOT_REGISTERED'
                  | 'SUSPEND'
                  | 'REVOKE';
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v2/user/check/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** eSign v2: the certificate status of the institution's holder named by `nik` or `email`. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            nik?: string | null;
            email?: string | null;
          } & {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description 1111: may sign (ISSUE); 2011: not registered; 2021: may not sign now. */
              status_code: number;
              message: string;
              /** @enum {string} */
              status:
                | 'ISSUE'
                | 'EXPIRED'
                | 'RENEW'
                | 'WAITING_FOR_VERIFICATION'
                | 'NEW'
                | 'NO_CERTIFICATE'
                | 'NOT_REGISTERED'
                | 'SUSPEND'
                | 'REVOKE';
              /** @enum {string} */
              userStatus:
                | 'ISSUE'
                | 'EXPIRED'
                | 'RENEW'
                | 'WAITING_FOR_VERIFICATION'
                | 'NEW'
                | 'NO_CERTIFICATE'
                | 'NOT_REGISTERED'
                | 'SUSPEND'
                | 'REVOKE';
              data: {
                /** @enum {string} */
                status:
                  | 'ISSUE'
                  | 'EXPIRED'
                  | 'RENEW'
                  | 'WAITING_FOR_VERIFICATION'
                  | 'NEW'
                  | 'NO_CERTIFICATE'
                  | 'NOT_REGISTERED'
                  | 'SUSPEND'
                  | 'REVOKE';
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v2/verify/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** eSign v2: verifies a signed PDF (base64) with the one validator; an unsigned PDF gives signatureCount 0. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The PDF, base64. */
            file: string;
            /** @description Its password, when encrypted. */
            password?: string | null;
          } & {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              conclusion: 'VALID' | 'INVALID' | 'INDETERMINATE' | 'NO_SIGNATURE';
              description: string;
              signatureCount: number;
              signatureInformations: {
                id: string;
                fieldName: string;
                signerName: string;
                signatureFormat: string;
                signatureDate: string | null;
                reason: string | null;
                location: string | null;
                certLevelCode: number;
                integrityValid: boolean;
                certificateTrusted: boolean;
                modified: boolean;
                ltv: boolean;
                lastSignature: boolean;
                digestAlgorithm: string;
                signatureAlgorithm: string;
                timestampInfomation: {
                  id: string;
                  signerName: string;
                  timestampDate: string;
                } | null;
                certificateDetails: {
                  id: string;
                  issuerName: string;
                  commonName: string;
                  serialNumber: string;
                  notBeforeDate: string;
                  notAfterDate: string;
                  signatureAlgoritm: string;
                  keyUsages: string[];
                }[];
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v2/sign/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** eSign v2: signs one or more base64 PDFs for the institution's holder named by `nik` or `email`, with the passphrase (or a TOTP). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            nik?: string | null;
            email?: string | null;
            passphrase?: string | null;
            totp?: string | number | null;
            otp?: string | number | null;
            file?: string[] | string;
            signatureProperties?:
              | {
                  [key: string]: unknown;
                }[]
              | {
                  [key: string]: unknown;
                };
          } & {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Milliseconds taken. */
              time: number;
              file: string[];
              id_dokumen: string[];
              signing_time: string[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sign/download/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** eSign v1: the signed PDF of a signing call, once, within TEKEN_SIGNED_DOCUMENT_MINUTES; then "Dokumen telah didownload sebelumnya". */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The signed PDF, with the headers id_dokumen, id-dokumen and signing_time. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': string;
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v2/sign/get/totp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** eSign v2: asks the institution's holder (nik or email) for a TOTP that signs `data` documents. The holder approves by e-mail link with the passphrase; the code is then shown to them and e-mailed. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            nik?: string | null;
            email?: string | null;
            /** @description The number of documents the code may sign (an integer, or digits). */
            data: unknown;
          } & {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              success: true;
              message: string;
              data: null;
              /** @description The code (digits). */
              totp?: string;
              /**
               * Format: date-time
               * @description When the code lapses (ISO 8601).
               */
              expires?: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v2/seal/get/activation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** eSign v2 seal: with a still-valid activation `totp`, says so; else mails the seal's holder an approval link for a new activation code (TEKEN_SEAL_ACTIVATION_HOURS). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The seal: the id of the institution's eSeal subscriber certificate (Daftar Sertifikat Elektronik). */
            idSubscriber: string;
            /** @description The code: digits as a string (or a number). */
            totp?: unknown;
          } & {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              success: true;
              message: string;
              data: null;
              /** @description The code (digits). */
              totp?: string;
              /**
               * Format: date-time
               * @description When the code lapses (ISO 8601).
               */
              expires?: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v2/seal/revoke/activation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** eSign v2 seal: ends the activation `totp` names, and every batch code made from it. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The seal: the id of the institution's eSeal subscriber certificate (Daftar Sertifikat Elektronik). */
            idSubscriber: string;
            /** @description The code: digits as a string (or a number). */
            totp: unknown;
          } & {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              success: true;
              message: string;
              data: null;
              /** @description The code (digits). */
              totp?: string;
              /**
               * Format: date-time
               * @description When the code lapses (ISO 8601).
               */
              expires?: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v2/seal/get/totp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** eSign v2 seal: from the activation `totp`, a batch code that seals `data` documents within TEKEN_TOTP_MINUTES (never past the activation). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The seal: the id of the institution's eSeal subscriber certificate (Daftar Sertifikat Elektronik). */
            idSubscriber: string;
            /** @description The number of documents the code may sign (an integer, or digits). */
            data: unknown;
            /** @description The code: digits as a string (or a number). */
            totp: unknown;
          } & {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              success: true;
              message: string;
              data: null;
              /** @description The code (digits). */
              totp: string;
              /**
               * Format: date-time
               * @description When the code lapses (ISO 8601).
               */
              expires: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v2/seal/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** eSign v2 seal: seals one or more base64 PDFs with the institution's eSeal certificate `idSubscriber`, with a batch code of seal/get/totp as `totp` (one document each). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The seal: the id of the institution's eSeal subscriber certificate (Daftar Sertifikat Elektronik). */
            idSubscriber: string;
            totp?: string | number | null;
            otp?: string | number | null;
            file?: string[] | string;
            signatureProperties?:
              | {
                  [key: string]: unknown;
                }[]
              | {
                  [key: string]: unknown;
                };
          } & {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Milliseconds taken. */
              time: number;
              file: string[];
              id_dokumen: string[];
              signing_time: string[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sign/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** eSign v1: signs one PDF (multipart) for the institution's holder with this NIK and passphrase; the signed PDF (headers id_dokumen, id-dokumen, signing_time), or JSON with jenis_response=BASE64. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'multipart/form-data': {
            /**
             * Format: binary
             * @description The PDF (at most TEKEN_SIGN_MAX_PDF_BYTES).
             */
            file: string;
            /** @description The signer's 16-digit NIK (a holder of the API client's institution). */
            nik: string;
            /** Format: password */
            passphrase: string;
            /** @description `visible` or `invisible` (any case; default invisible). */
            tampilan?: string;
            /** @description Visible: `true` draws `imageTTD`; `false` (or absent) a QR code of `linkQR` or of the verification page. */
            image?: string;
            /**
             * Format: binary
             * @description The specimen image, JPEG or PNG (at most 5 MiB).
             */
            imageTTD?: string;
            /** @description The URL the QR code encodes (default: the verification page). */
            linkQR?: string;
            /** @description Visible: the page (1-based). */
            page?: string;
            /** @description `pertama` or `terakhir` (any case), instead of `page`. */
            halaman?: string;
            /** @description The box's lower-left x, PDF units (decimals allowed). */
            xAxis?: string;
            /** @description The box's lower-left y. */
            yAxis?: string;
            width?: string;
            height?: string;
            /** @description A marker text; the box goes at each occurrence (it wins over page/xAxis/yAxis). */
            tag_koordinat?: string;
            reason?: string;
            location?: string;
            /** @description A line drawn under the image or QR code. */
            text?: string;
            /** @description `BYTE` (default: the PDF) or `BASE64` (JSON). */
            jenis_response?: string;
          };
        };
      };
      responses: {
        /** @description The signed PDF (jenis_response BYTE, the default), or with jenis_response=BASE64 the same in JSON; both with the headers id_dokumen, id-dokumen and signing_time. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': string;
            'application/json': {
              base64_signed_file: string;
              id_dokumen: string;
              /** Format: date-time */
              signing_time: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sign/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** eSign v1: verifies a signed PDF (multipart `signed_file`) with the one validator; an unsigned PDF gives jumlah_signature 0. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'multipart/form-data': {
            /**
             * Format: binary
             * @description The signed PDF (at most 20 MiB).
             */
            signed_file: string;
            /**
             * Format: password
             * @description Its password, when encrypted.
             */
            password?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              nama_dokumen: string;
              jumlah_signature: number;
              notes: string;
              summary: string;
              details: {
                signature_field: string;
                info_tsa: {
                  name: string;
                  tsa_cert_validity: string;
                } | null;
                info_signer: {
                  issuer_dn: string;
                  signer_name: string;
                  signer_cert_validity: string;
                  signer_dn: string;
                  cert_user_certified: boolean;
                };
                signature_document: {
                  signed_using_tsa: boolean;
                  reason: string;
                  document_integrity: boolean;
                  signature_value: boolean;
                  signed_in: string;
                  location: string;
                  hash_value: string;
                };
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              status: false;
              error: string;
              message: string;
              /** @enum {string} */
              code:
                | 'ERR_INPUT_INVALID'
                | 'ERR_INPUT_TOO_LARGE'
                | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
                | 'ERR_INPUT_HEADERS_TOO_LARGE'
                | 'ERR_INPUT_TIMEOUT'
                | 'ERR_RESOURCE_NOT_FOUND'
                | 'ERR_RESOURCE_CONFLICT'
                | 'ERR_CONFIG_INVALID'
                | 'ERR_DB_LOCKED'
                | 'ERR_DB_UNAVAILABLE'
                | 'ERR_KEY_NOT_FOUND'
                | 'ERR_KEY_BACKEND'
                | 'ERR_KEY_UNSEAL_FAILED'
                | 'ERR_CA_NOT_INITIALISED'
                | 'ERR_CA_NOT_FOUND'
                | 'ERR_CA_EXPIRED'
                | 'ERR_CA_RESPONDER_EXPIRED'
                | 'ERR_CA_REVOKED'
                | 'ERR_CA_CONFIG_MISMATCH'
                | 'ERR_PROFILE_NOT_FOUND'
                | 'ERR_PROFILE_NOT_ALLOWED'
                | 'ERR_PROFILE_VIOLATION'
                | 'ERR_CSR_MALFORMED'
                | 'ERR_CSR_SIGNATURE_INVALID'
                | 'ERR_CSR_KEY_UNSUPPORTED'
                | 'ERR_CERT_LINT_FAILED'
                | 'ERR_CERT_NOT_FOUND'
                | 'ERR_CERT_ALREADY_REVOKED'
                | 'ERR_CERT_NOT_ON_HOLD'
                | 'ERR_CERT_NOT_REVOCABLE'
                | 'ERR_CERT_REVOCATION_REASON'
                | 'ERR_CERT_SERIAL_EXHAUSTED'
                | 'ERR_AUTH_INVALID_CREDENTIALS'
                | 'ERR_AUTH_OTP_INVALID'
                | 'ERR_AUTH_THROTTLED'
                | 'ERR_AUTH_REQUIRED'
                | 'ERR_AUTH_STEP_INVALID'
                | 'ERR_AUTH_FORBIDDEN'
                | 'ERR_AUTH_CSRF'
                | 'ERR_PASSWORD_POLICY'
                | 'ERR_PASSWORD_MISMATCH'
                | 'ERR_PASSWORD_CURRENT_WRONG'
                | 'ERR_LINK_INVALID'
                | 'ERR_LINK_USED'
                | 'ERR_LINK_EXPIRED'
                | 'ERR_TOTP_DEVICE_NAME_TAKEN'
                | 'ERR_TOTP_LAST_DEVICE'
                | 'ERR_ACCOUNT_EXISTS'
                | 'ERR_ACCOUNT_NOT_FOUND'
                | 'ERR_ACCOUNT_NOT_ACTIVE'
                | 'ERR_ADMIN_SETUP_DONE'
                | 'ERR_INSTITUTION_NOT_FOUND'
                | 'ERR_INSTITUTION_CODE_TAKEN'
                | 'ERR_IMPORT_FILE_INVALID'
                | 'ERR_AUDIT_CHAIN_BROKEN'
                | 'ERR_API_CLIENT_UNAUTHORIZED'
                | 'ERR_API_CLIENT_DISABLED'
                | 'ERR_API_CLIENT_ADDRESS'
                | 'ERR_API_CLIENT_RATE_LIMITED'
                | 'ERR_API_CLIENT_NOT_FOUND'
                | 'ERR_REGISTRATION_NOT_FOUND'
                | 'ERR_REGISTRATION_CLOSED'
                | 'ERR_SELF_REGISTRATION_CLOSED'
                | 'ERR_CONSENT_OUTDATED'
                | 'ERR_REGISTRATION_INCOMPLETE'
                | 'ERR_REGISTRATION_DUPLICATE'
                | 'ERR_NIP_NOT_FOUND'
                | 'ERR_REGISTRY_UNAVAILABLE'
                | 'ERR_REGISTRATION_STATE'
                | 'ERR_REGISTRATION_SAME_APPROVER'
                | 'ERR_REGISTRATION_NO_PHOTO'
                | 'ERR_OUTBOX_NOT_RESENDABLE'
                | 'ERR_PHONE_CODE_INVALID'
                | 'ERR_PHONE_CODE_EXPIRED'
                | 'ERR_PHONE_CODE_TOO_SOON'
                | 'ERR_PHONE_CODE_QUOTA'
                | 'ERR_PHONE_TAKEN'
                | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
                | 'ERR_CHANGE_REQUEST_NOT_FOUND'
                | 'ERR_CHANGE_REQUEST_PENDING'
                | 'ERR_CHANGE_REQUEST_DECIDED'
                | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
                | 'ERR_PROFILE_NOT_VERIFIED'
                | 'ERR_CERT_REQUEST_NOT_FOUND'
                | 'ERR_CERT_REQUEST_OPEN'
                | 'ERR_CERT_REQUEST_STATE'
                | 'ERR_PRODUCT_NOT_ALLOWED'
                | 'ERR_SUBSCRIBER_NOT_VERIFIED'
                | 'ERR_PASSPHRASE_POLICY'
                | 'ERR_PASSPHRASE_WRONG'
                | 'ERR_PASSPHRASE_LOCKED'
                | 'ERR_SIGNING_AUTHORISATION_INVALID'
                | 'ERR_SIGNING_AUTHORISATION_SPENT'
                | 'ERR_TOTP_INVALID'
                | 'ERR_TOTP_SPENT'
                | 'ERR_TOTP_NOT_PENDING'
                | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
                | 'ERR_SUBSCRIBER_CERT_STATE'
                | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
                | 'ERR_REVOCATION_PENDING'
                | 'ERR_REVOCATION_REQUEST_STATE'
                | 'ERR_TSA_UNAVAILABLE'
                | 'ERR_TSA_RATE_LIMITED'
                | 'ERR_VERIFY_RATE_LIMITED'
                | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
                | 'ERR_PDF_INVALID'
                | 'ERR_PDF_TOO_LARGE'
                | 'ERR_PDF_PASSWORD'
                | 'ERR_PDF_TAG_NOT_FOUND'
                | 'ERR_PDF_CHANGES_FORBIDDEN'
                | 'ERR_PADES_TIMESTAMP'
                | 'ERR_PADES_TIMESTAMP_TIMEOUT'
                | 'ERR_SIGNING_BUSY'
                | 'ERR_SIGNER_CANNOT_SIGN'
                | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
                | 'ERR_ESIGN_PASSPHRASE_WRONG'
                | 'ERR_ESIGN_USER_NOT_REGISTERED'
                | 'ERR_ESIGN_SIGNING_FAILED'
                | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
                | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
                | 'ERR_PHONE_NOT_VERIFIED'
                | 'ERR_SELFIE_NO_MATCH'
                | 'ERR_SELFIE_LOCKED'
                | 'ERR_SELFIE_CHECK_NOT_FOUND'
                | 'ERR_SELFIE_CHECK_STATE'
                | 'ERR_SERVER_INTERNAL';
              /** @description BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status. */
              status_code: number;
              retryAfterSeconds?: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/verify/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** "Verifikasi PDF": the validation report of a PDF (base64), in Indonesian and English. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The PDF, base64. */
            file: string;
            /** @description Its password, when encrypted. */
            password?: string | null;
            fileName?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              fileName: string | null;
              /** @enum {string} */
              conclusion: 'VALID' | 'INVALID' | 'INDETERMINATE' | 'NO_SIGNATURE';
              summary: {
                id: string;
                en: string;
              };
              signatureCount: number;
              signatures: {
                fieldName: string;
                documentTimestamp: boolean;
                holds: boolean;
                signerName: string;
                signerDn: string;
                issuerName: string;
                chain: string[];
                trusted: boolean;
                integrity: boolean;
                signingCertificateMatches: boolean;
                modified: boolean;
                modifiedAllowed: boolean;
                signingTime: string | null;
                timestamp: {
                  signerName: string;
                  time: string;
                  valid: boolean;
                } | null;
                ltv: boolean;
                /** @enum {string} */
                revocation: 'good' | 'revoked' | 'unknown';
                level: string;
                certificationLevel: number;
                reason: string | null;
                location: string | null;
              }[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/verify/pdf/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** "Verifikasi PDF": the validation report as a PDF document (`lang` id or en). */
    post: {
      parameters: {
        query?: {
          lang?: 'id' | 'en';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The PDF, base64. */
            file: string;
            /** @description Its password, when encrypted. */
            password?: string | null;
            fileName?: string;
          };
        };
      };
      responses: {
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/verify/document/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What Teken recorded of a document it signed (the QR code's link): the signed PDF's SHA-256, the signer's common name, the time and the PAdES level; never the document. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description id_dokumen */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              sha256: string;
              signerName: string;
              /** @enum {string} */
              kind: 'signature' | 'seal';
              /** Format: date-time */
              signingTime: string;
              level: string | null;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/totp-approval': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** What an APPROVE_TOTP link asks (the link stays unused): the application, the count, the holder, when the link lapses. Guesses count against the address. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token?: string;
            /** @enum {string} */
            locale?: 'id' | 'en';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              kind: 'sign' | 'seal_activation' | 'seal_batch';
              /** @description The API client's description. */
              client: string;
              institution: string;
              holder: string;
              serial: string | null;
              /** @description Documents the code may sign (null: a seal activation). */
              documents: number | null;
              /** Format: date-time */
              expiresAt: string;
              expiresText: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/totp-approval/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approves an APPROVE_TOTP link with the passphrase: the key is sealed again under a fresh code, answered once here (and e-mailed); the link is used. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token?: string;
            passphrase: string;
            /** @enum {string} */
            locale?: 'id' | 'en';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              kind: 'sign' | 'seal_activation' | 'seal_batch';
              /** @description The TOTP (digits); Teken keeps no copy. */
              code: string;
              /** @description Documents the code may sign (null: a seal activation). */
              documents: number | null;
              /** Format: date-time */
              expiresAt: string;
              expiresText: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/totp-approval/refuse': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Refuses an APPROVE_TOTP link: the request ends, no key is opened; the link is used. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token?: string;
          };
        };
      };
      responses: {
        /** @description No content. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/self-registration/institutions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The active institutions that take self-registration, with their e-mail domains. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              institutions: {
                /** Format: uuid */
                id: string;
                name: string;
                emailDomains: string[];
              }[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/self-registration': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Starts a registration at an institution open for it; the same answer whatever the e-mail. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            institutionId: string;
            /** @description Nama Lengkap. */
            fullName: string;
            email: string;
            /** @enum {string} */
            locale?: 'id' | 'en';
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              message: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registration/phone/code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** "Kirim Kode OTP": sends a verification code to this number over WhatsApp. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Masukkan 10–15 digit angka. Contoh: 08123456789 */
            phone: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Masked, e.g. +62 812-****-789. */
              phone: string;
              /** Format: date-time */
              expiresAt: string;
              /**
               * Format: date-time
               * @description "Kirim Ulang" is allowed from then.
               */
              resendAt: string;
              /** @description The wait before "Kirim Ulang" (30 s), for a countdown on the browser’s own clock. */
              resendInSeconds: number;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registration/phone/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** "Verifikasi OTP": confirms the number with the code sent to it. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Kode OTP: 6 digits. */
            code: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              phone: string;
              verified: boolean;
              /** Format: date-time */
              verifiedAt: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/profile/phone': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user’s phone number (masked) and whether it is verified. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              phone: string | null;
              verified: boolean;
              hasProfile: boolean;
              /** @description Whether codes can be sent over WhatsApp here. */
              whatsapp: boolean;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/profile/phone/code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** "Ubah nomor HP" → "Kirim Kode OTP": sends a code to the new number over WhatsApp. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Masukkan 10–15 digit angka. Contoh: 08123456789 */
            phone: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Masked, e.g. +62 812-****-789. */
              phone: string;
              /** Format: date-time */
              expiresAt: string;
              /**
               * Format: date-time
               * @description "Kirim Ulang" is allowed from then.
               */
              resendAt: string;
              /** @description The wait before "Kirim Ulang" (30 s), for a countdown on the browser’s own clock. */
              resendInSeconds: number;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/profile/phone/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** "Verifikasi OTP": the new number replaces the old one once its code is confirmed. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Kode OTP: 6 digits. */
            code: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              phone: string;
              verified: boolean;
              /** Format: date-time */
              verifiedAt: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/profile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The own profile (NIK, NIP and phone masked) and the latest change request. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              username: string;
              fullName: string;
              email: string;
              gelarDepan: string | null;
              gelarBelakang: string | null;
              unitOrganisasi: string | null;
              jabatan: string | null;
              province: string | null;
              institution: {
                /** Format: uuid */
                id: string;
                name: string;
              } | null;
              registrationStatus: string | null;
              /** @description Masked: the first four and the last two digits. */
              nik: string | null;
              /** @description Masked: the first four and the last two digits. */
              nip: string | null;
              /** @description Masked (+62 812-****-789). */
              phone: string | null;
              phoneVerified: boolean;
              employeeType: string | null;
              canRequestChange: boolean;
              latestRequest: components['schemas']['ChangeRequest'] | null;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/profile/email-availability': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** "Cek ketersediaan email": whether a new address may be asked for (rate limited). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              email: string;
              available: boolean;
              /** @enum {string|null} */
              reason: 'current' | 'taken' | null;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/profile/change-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The own change requests, newest first, with their status. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              requests: components['schemas']['ChangeRequest'][];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** "Ubah Profil": asks an RA officer to change profile fields (one request at a time). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            fullName?: string;
            gelarDepan?: string | null;
            gelarBelakang?: string | null;
            email?: string;
            unitOrganisasi?: string;
            jabatan?: string;
            province?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChangeRequest'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/profile/change-requests/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraws the own pending change request. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChangeRequest'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/profile/confirm-email': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirms the new e-mail address of a change request with the token of its link. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              confirmed: boolean;
              /** Format: uuid */
              requestId: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/change-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The change requests of the caller’s institution (a CA admin: all), pending first. */
    get: {
      parameters: {
        query?: {
          status?: 'pending' | 'approved' | 'rejected' | 'cancelled';
          /** @description A CA admin: one institution only. */
          institutionId?: string;
          /** @description Part of the name, username or e-mail. */
          q?: string;
          /** @description At most this many (default 50). */
          limit?: number;
          offset?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              total: number;
              requests: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                accountId: string;
                username: string;
                fullName: string;
                email: string;
                institution: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                /** @enum {string} */
                status: 'pending' | 'approved' | 'rejected' | 'cancelled';
                fields: string[];
                emailChange: boolean;
                emailConfirmed: boolean;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                decidedAt: string | null;
              }[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/change-requests/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One change request with the current and the asked-for values (the read is audited). */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              status: 'pending' | 'approved' | 'rejected' | 'cancelled';
              changes: {
                /** @enum {string} */
                field:
                  | 'fullName'
                  | 'gelarDepan'
                  | 'gelarBelakang'
                  | 'email'
                  | 'unitOrganisasi'
                  | 'jabatan'
                  | 'province';
                from: string | null;
                to: string | null;
              }[];
              emailChange: boolean;
              emailConfirmed: boolean;
              reason: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              decidedAt: string | null;
              account: {
                /** Format: uuid */
                id: string;
                username: string;
                fullName: string;
                email: string;
              };
              institution: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              decidedBy: string | null;
              canDecide: boolean;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/change-requests/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approves: applies the values, records Riwayat Data and tells the subscriber. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChangeRequest'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/change-requests/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rejects with a reason the subscriber is told. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChangeRequest'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Daftar Sertifikat Elektronik: the caller’s certificates (or, for RA officers and institution admins, a person’s of their institution), newest first, each with what Aksi offers. */
    get: {
      parameters: {
        query?: {
          /** @description Whose certificates (default: the caller’s own). */
          accountId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              certificates: {
                /** Format: uuid */
                id: string;
                commonName: string;
                /** @description Metode Enroll: Esign (the key is held by the service). */
                enrollMethod: string;
                product: string;
                /** @description Jenis Sertifikat Elektronik. */
                productLabel: string;
                /** Format: date-time */
                validUntil: string;
                /** @description Valid Sampai: "Rabu, 21 Oktober 2026 pukul 09.35 WIB". */
                validUntilText: string;
                /** @enum {string} */
                status: 'Issued' | 'Renew' | 'On Revoke' | 'Revoked' | 'Expired' | 'Suspended';
                /** Format: date-time */
                downloadedAt: string | null;
                /** @description Catatan: "Telah di unduh @ 21 Oktober 2024". */
                note: string | null;
                serial: string;
                actions: (
                  | 'download'
                  | 'info'
                  | 'changePassphrase'
                  | 'resetPassphrase'
                  | 'revoke'
                  | 'renew'
                  | 'keystore'
                )[];
              }[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Info: serial, issuer, SHA-256 fingerprint, key usages, validity and the status history (from the audit log). */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              serial: string;
              subject: string;
              issuer: string;
              sha256Fingerprint: string;
              keyAlgorithm: string;
              keyUsages: string[];
              extendedKeyUsages: string[];
              /** Format: date-time */
              notBefore: string;
              /** Format: date-time */
              notAfter: string;
              /** @enum {string} */
              status: 'Issued' | 'Renew' | 'On Revoke' | 'Revoked' | 'Expired' | 'Suspended';
              history: {
                /** Format: date-time */
                at: string;
                /** @enum {string} */
                event:
                  | 'issued'
                  | 'suspended'
                  | 'released'
                  | 'revoked'
                  | 'passphrase_changed'
                  | 'keystore_downloaded'
                  | 'passphrase_locked';
              }[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates/{id}/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Unduh: PEM (the certificate, then its chain up to the root) or DER (the certificate alone). A POST because it records: the holder’s download is Catatan; every download is audited. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            format: 'pem' | 'der';
          };
        };
      };
      responses: {
        /** @description The certificate file. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/x-pem-file': unknown;
            'application/pkix-cert': unknown;
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates/{id}/passphrase': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ubah passphrase: the key is opened with Passphrase Lama (a wrong one is counted and locks the key) and sealed under Passphrase Baru; the same key and certificate. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            oldPassphrase: string;
            newPassphrase: string;
            confirmation: string;
          };
        };
      };
      responses: {
        /** @description No content. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates/{id}/keystore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The keystore, self-service where the institution allows it (keystoreSelfService): the key and chain as PKCS#12 protected by the passphrase. Audited and mailed. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            passphrase: string;
          };
        };
      };
      responses: {
        /** @description The PKCS#12 keystore, protected by the passphrase. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/x-pkcs12': unknown;
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/keystore-link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** What a DOWNLOAD_KEYSTORE link is for: the certificate (the link stays unused). Guesses count against the address. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token?: string;
            /** @enum {string} */
            locale?: 'id' | 'en';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              certificateId: string;
              commonName: string;
              serial: string;
              validUntilText: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/keystore-link/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Redeems a DOWNLOAD_KEYSTORE link with the passphrase: the PKCS#12 keystore; the link is used once it is made. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token?: string;
            passphrase: string;
          };
        };
      };
      responses: {
        /** @description The PKCS#12 keystore, protected by the passphrase. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/x-pkcs12': unknown;
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/certificates/{id}/keystore-link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Kirim tautan DOWNLOAD_KEYSTORE (Tinjau Ulang → Sertifikat Elektronik): mails the holder a single-use link to download the keystore with the passphrase. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              expiresAt: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/signing/documents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tanda Tangan Dokumen: the limits of one batch and the caller’s certificate that signs (their active eSign certificate; null when they have none). */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              maxDocuments: number;
              maxBytes: number;
              maxImageBytes: number;
              /** SigningCertificate */
              certificate: {
                /** Format: uuid */
                id: string;
                commonName: string;
                serial: string;
                /** Format: date-time */
                validUntil: string;
                /** @description In Indonesian; the console formats `validUntil` itself. */
                validUntilText: string;
              } | null;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Tanda Tangan Dokumen: signs the PDFs with the caller’s own active eSign certificate, the passphrase entered once for the batch (a wrong one is counted and locks the key). Answers the signed files; nothing is kept for a later download. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            passphrase: string;
            /**
             * Format: uuid
             * @description The certificate the page showed (default: the caller’s active eSign certificate).
             */
            certificateId?: string;
            appearance: {
              /** @enum {string} */
              type: 'qr' | 'image';
              imageBase64?: string;
            };
            reason?: string;
            location?: string;
            documents: {
              name: string;
              contentBase64: string;
              pdfPassword?: string;
              placement: {
                /** @enum {string} */
                type: 'box' | 'tag' | 'invisible';
                page?: number;
                x?: number;
                y?: number;
                width?: number;
                height?: number;
                tag?: string;
              };
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              documents: {
                id: string;
                /** @description The upload’s name with "_signed". */
                name: string;
                contentBase64: string;
                /** @description Of the signed file, hex. */
                sha256: string;
                /** Format: date-time */
                signingTime: string;
              }[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates/{id}/reset-passphrase': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reset passphrase of one’s own certificate: sends the link (WhatsApp where configured, which needs a verified number — ERR_PHONE_NOT_VERIFIED — else e-mail). A new key and certificate will replace this one. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              requestId: string;
              /** @enum {string} */
              channel: 'whatsapp' | 'email';
              sentTo: string;
              /** Format: date-time */
              expiresAt: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reset-passphrase-link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** What a Reset Passphrase link is about and its step (selfie, waiting for the RA, passphrase, refused), with the agreement and the passphrase rule; the link stays unused. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token?: string;
            /** @enum {string} */
            locale?: 'id' | 'en';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              step: 'selfie' | 'waiting' | 'passphrase' | 'refused';
              /** Format: uuid */
              requestId: string;
              product: string;
              productLabel: string;
              subject: string;
              serial: string;
              refuseReason: string | null;
              agreement: {
                version: string;
                title: string;
                text: string;
              };
              rule: {
                minLength: number;
                maxLength: number;
                text: string;
              };
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reset-passphrase-link/selfie': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Step 1, Pengecekan Foto Diri: the selfie’s raw JPEG or PNG bytes (Content-Type image/jpeg or image/png; the token in Authorization: Bearer). Compared by the face-match adapter where configured, else queued for the RA. */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              step: 'passphrase' | 'waiting';
              /** Format: uuid */
              checkId: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reset-passphrase-link/set': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Step 2, Buat Passphrase: a new key and certificate replace the old one, which is revoked as superseded. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token?: string;
            passphrase: string;
            confirmation: string;
            agreementVersion: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              replaces: string;
              serial: string;
              /** Format: date-time */
              notAfter: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/selfie-checks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Pengecekan Foto Diri: the selfies of passphrase resets of the caller’s institution (a CA admin: all), oldest first; pending by default. */
    get: {
      parameters: {
        query?: {
          status?: 'pending' | 'matched' | 'refused';
          /** @description A CA admin: one institution only. */
          institutionId?: string;
          /** @description Part of the name or e-mail, or a whole NIK (16) or NIP (18 digits). */
          q?: string;
          /** @description Submitted at or after. */
          from?: string;
          /** @description Submitted before. */
          to?: string;
          /** @description At most this many (default 50). */
          limit?: number;
          offset?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              total: number;
              checks: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                requestId: string;
                /** Format: uuid */
                accountId: string;
                fullName: string;
                email: string;
                /** Format: uuid */
                institutionId: string;
                institutionName: string;
                serial: string | null;
                /** @enum {string} */
                status: 'pending' | 'matched' | 'refused';
                /** Format: date-time */
                submittedAt: string;
              }[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/selfie-checks/{id}/selfie': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The selfie of a passphrase reset (image/jpeg or image/png, no-store); each view audited. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The image (JPEG or PNG). */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/selfie-checks/{id}/registered': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The registered selfie of the same person, to compare (image/jpeg or image/png, no-store); each view audited. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The image (JPEG or PNG). */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/selfie-checks/{id}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cocok (match: true): the reset goes on to the new passphrase. Tidak cocok (match: false, with a reason the holder is told): the reset is refused. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            match: boolean;
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'matched' | 'refused';
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates/{id}/revocation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Pencabutan by the holder: a reason, confirmed with the passphrase or with password and authenticator code. "On Revoke" until the RA approves; immediate for the configured reasons. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            reason:
              'unspecified' | 'keyCompromise' | 'affiliationChanged' | 'superseded' | 'cessationOfOperation';
            passphrase?: string;
            password?: string;
            code?: string;
            /** Format: uuid */
            deviceId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              status: 'pending' | 'revoked';
              reason: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/revocation-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The Pencabutan requests of the caller’s institution (a CA admin: all), oldest first. */
    get: {
      parameters: {
        query?: {
          status?: 'pending' | 'revoked' | 'rejected';
          /** @description A CA admin: one institution only. */
          institutionId?: string;
          /** @description At most this many (default 50). */
          limit?: number;
          offset?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              total: number;
              requests: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                certificateId: string;
                /** Format: uuid */
                accountId: string;
                /** Format: uuid */
                institutionId: string;
                fullName: string;
                email: string;
                product: string;
                serial: string;
                /** Format: date-time */
                notAfter: string | null;
                reason: string;
                /** @enum {string} */
                status: 'pending' | 'revoked' | 'rejected';
                /** @enum {string} */
                confirmedWith: 'passphrase' | 'password_otp';
                /** Format: date-time */
                requestedAt: string;
                /** Format: date-time */
                decidedAt: string | null;
                rejectReason: string | null;
                canDecide: boolean;
              }[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/revocation-requests/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approves a Pencabutan: the certificate is revoked (CRL, OCSP at once) and the holder told. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'revoked';
              /** Format: date-time */
              revokedAt?: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/revocation-requests/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rejects a Pencabutan with a reason the holder is told; the certificate stays Issued. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'rejected';
              /** Format: date-time */
              revokedAt?: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/accounts/{accountId}/certificates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tinjau Ulang → Sertifikat Elektronik: a person’s certificates and what the caller may do. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              canManage: boolean;
              certificates: {
                /** Format: uuid */
                id: string;
                product: string;
                serial: string;
                subject: string;
                /** Format: date-time */
                notBefore: string;
                /** Format: date-time */
                notAfter: string;
                /** @enum {string} */
                status: 'Issued' | 'Renew' | 'On Revoke' | 'Revoked' | 'Expired' | 'Suspended';
                /** Format: date-time */
                revokedAt: string | null;
                revocationReason: string | null;
                pendingRevocation: {
                  /** Format: uuid */
                  id: string;
                  reason: string;
                } | null;
              }[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/certificates/{id}/suspend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Tangguhkan: puts the certificate on hold (certificateHold), with a note the holder is told. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'Suspended';
              /** Format: date-time */
              revokedAt?: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/certificates/{id}/release': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Lepaskan: releases a suspended certificate, with a note the holder is told. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'Issued';
              /** Format: date-time */
              revokedAt?: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ra/certificates/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cabut: revokes the certificate for good with a reason and a note the holder is told. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            reason:
              | 'unspecified'
              | 'keyCompromise'
              | 'affiliationChanged'
              | 'superseded'
              | 'cessationOfOperation'
              | 'privilegeWithdrawn';
            note: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'Revoked';
              /** Format: date-time */
              revokedAt?: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates/{id}/renewal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Perpanjangan: whether the own certificate can be renewed now, the subject of the new one, and whether it goes straight to the set-passphrase link or through the RA. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              certificateId: string;
              /** @enum {string} */
              product: 'esign' | 'eseal';
              /** @enum {string|null} */
              status: 'Issued' | 'Renew' | 'On Revoke' | 'Revoked' | 'Expired' | 'Suspended' | null;
              /** Format: date-time */
              notAfter: string | null;
              /** @enum {string|null} */
              refusal: 'not_issued' | 'replaced' | 'suspended' | 'not_due' | null;
              /** @enum {string} */
              route: 'set_passphrase' | 'ra_review';
              subjectText: string;
              documentRequired: boolean;
              documentMaxBytes: number;
              /** Format: date-time */
              opensAt: string | null;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Perpanjangan: a renewal request for the own certificate; with the supporting document (PDF, base64) where it goes through the RA. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            document?: {
              name: string;
              contentBase64: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              requestId: string;
              /** @enum {string} */
              route: 'set_passphrase' | 'ra_review';
              subjectText: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/self-diagnosis': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Deteksi Mandiri: the account’s one status (as the eSign API reports it) and why signing would fail today, with what to do. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status:
                | 'ISSUE'
                | 'EXPIRED'
                | 'RENEW'
                | 'WAITING_FOR_VERIFICATION'
                | 'NEW'
                | 'NO_CERTIFICATE'
                | 'NOT_REGISTERED'
                | 'SUSPEND'
                | 'REVOKE';
              canSign: boolean;
              certificate: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                status: 'Issued' | 'Renew' | 'On Revoke' | 'Revoked' | 'Expired' | 'Suspended';
                /** Format: date-time */
                notAfter: string;
              } | null;
              findings: {
                /** @enum {string} */
                code:
                  | 'not_registered'
                  | 'registration_incomplete'
                  | 'not_verified'
                  | 'no_certificate'
                  | 'request_waiting'
                  | 'passphrase_not_set'
                  | 'certificate_expired'
                  | 'certificate_revoked'
                  | 'certificate_suspended'
                  | 'renewal_due'
                  | 'renewal_waiting'
                  | 'data_change_pending'
                  | 'passphrase_locked'
                  | 'expires_soon'
                  | 'revocation_pending'
                  | 'phone_not_verified';
                /** @enum {string} */
                severity: 'blocking' | 'warning';
                actions: (
                  | 'renew'
                  | 'reset_passphrase'
                  | 'wait'
                  | 'contact_ra'
                  | 'verify_phone'
                  | 'new_request'
                  | 'complete_registration'
                  | 'check_email'
                )[];
                /** Format: uuid */
                certificateId: string | null;
                /** Format: date-time */
                until: string | null;
              }[];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/console-config': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Display settings for the web console, readable without signing in: the organisation name (TEKEN_ORGANISATION_NAME) shown in its header. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              organisationName: string;
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The process lives. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ok';
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The database answers, the CA and responder keys sign, no responder certificate expired. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ready' | 'not ready';
              checks: {
                /** @enum {string} */
                database: 'ok' | 'unreachable';
                /** @description `ok`, or `unusable: <why>`. */
                caKeys?: string;
              };
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ready' | 'not ready';
              checks: {
                /** @enum {string} */
                database: 'ok' | 'unreachable';
                /** @description `ok`, or `unusable: <why>`. */
                caKeys?: string;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ca': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The CA hierarchy, root first. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              authorities: components['schemas']['Authority'][];
            };
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ca/{id}.crt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A CA certificate, DER. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: 'root' | 'individual' | 'seal' | 'tls';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ca/{id}.pem': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A CA certificate, PEM. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: 'root' | 'individual' | 'seal' | 'tls';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ca/{id}/chain.pem': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A CA certificate and its issuers up to the root, PEM. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: 'root' | 'individual' | 'seal' | 'tls';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/cps': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The CP/CPS, or the CA repository page (HTML). */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tsa': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * RFC 3161 time-stamping: a DER TimeStampReq in, a DER TimeStampResp out.
     * @description Content-Type application/timestamp-query; the answer is application/timestamp-reply with status 200, `granted` or a `rejection` with its failure info. 415, 413 and 429 (with Retry-After) are problem+json.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ca/tsa.crt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The TSA unit certificate, DER. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ca/tsa.pem': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The TSA unit certificate, PEM. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/crl/{id}.crl': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The CA's newest CRL, DER. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: 'root' | 'individual' | 'seal' | 'tls';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/crl/{id}.pem': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The CA's newest CRL, PEM. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: 'root' | 'individual' | 'seal' | 'tls';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A problem (RFC 9457) with a stable `code` (docs/errors.md). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ocsp/{*}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          '*': string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ocsp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /**
     * Problem
     * @description RFC 9457 problem details with a stable `code` (docs/errors.md).
     */
    Problem: {
      type: string;
      title: string;
      status: number;
      /** @enum {string} */
      code:
        | 'ERR_INPUT_INVALID'
        | 'ERR_INPUT_TOO_LARGE'
        | 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'
        | 'ERR_INPUT_HEADERS_TOO_LARGE'
        | 'ERR_INPUT_TIMEOUT'
        | 'ERR_RESOURCE_NOT_FOUND'
        | 'ERR_RESOURCE_CONFLICT'
        | 'ERR_CONFIG_INVALID'
        | 'ERR_DB_LOCKED'
        | 'ERR_DB_UNAVAILABLE'
        | 'ERR_KEY_NOT_FOUND'
        | 'ERR_KEY_BACKEND'
        | 'ERR_KEY_UNSEAL_FAILED'
        | 'ERR_CA_NOT_INITIALISED'
        | 'ERR_CA_NOT_FOUND'
        | 'ERR_CA_EXPIRED'
        | 'ERR_CA_RESPONDER_EXPIRED'
        | 'ERR_CA_REVOKED'
        | 'ERR_CA_CONFIG_MISMATCH'
        | 'ERR_PROFILE_NOT_FOUND'
        | 'ERR_PROFILE_NOT_ALLOWED'
        | 'ERR_PROFILE_VIOLATION'
        | 'ERR_CSR_MALFORMED'
        | 'ERR_CSR_SIGNATURE_INVALID'
        | 'ERR_CSR_KEY_UNSUPPORTED'
        | 'ERR_CERT_LINT_FAILED'
        | 'ERR_CERT_NOT_FOUND'
        | 'ERR_CERT_ALREADY_REVOKED'
        | 'ERR_CERT_NOT_ON_HOLD'
        | 'ERR_CERT_NOT_REVOCABLE'
        | 'ERR_CERT_REVOCATION_REASON'
        | 'ERR_CERT_SERIAL_EXHAUSTED'
        | 'ERR_AUTH_INVALID_CREDENTIALS'
        | 'ERR_AUTH_OTP_INVALID'
        | 'ERR_AUTH_THROTTLED'
        | 'ERR_AUTH_REQUIRED'
        | 'ERR_AUTH_STEP_INVALID'
        | 'ERR_AUTH_FORBIDDEN'
        | 'ERR_AUTH_CSRF'
        | 'ERR_PASSWORD_POLICY'
        | 'ERR_PASSWORD_MISMATCH'
        | 'ERR_PASSWORD_CURRENT_WRONG'
        | 'ERR_LINK_INVALID'
        | 'ERR_LINK_USED'
        | 'ERR_LINK_EXPIRED'
        | 'ERR_TOTP_DEVICE_NAME_TAKEN'
        | 'ERR_TOTP_LAST_DEVICE'
        | 'ERR_ACCOUNT_EXISTS'
        | 'ERR_ACCOUNT_NOT_FOUND'
        | 'ERR_ACCOUNT_NOT_ACTIVE'
        | 'ERR_ADMIN_SETUP_DONE'
        | 'ERR_INSTITUTION_NOT_FOUND'
        | 'ERR_INSTITUTION_CODE_TAKEN'
        | 'ERR_IMPORT_FILE_INVALID'
        | 'ERR_AUDIT_CHAIN_BROKEN'
        | 'ERR_API_CLIENT_UNAUTHORIZED'
        | 'ERR_API_CLIENT_DISABLED'
        | 'ERR_API_CLIENT_ADDRESS'
        | 'ERR_API_CLIENT_RATE_LIMITED'
        | 'ERR_API_CLIENT_NOT_FOUND'
        | 'ERR_REGISTRATION_NOT_FOUND'
        | 'ERR_REGISTRATION_CLOSED'
        | 'ERR_SELF_REGISTRATION_CLOSED'
        | 'ERR_CONSENT_OUTDATED'
        | 'ERR_REGISTRATION_INCOMPLETE'
        | 'ERR_REGISTRATION_DUPLICATE'
        | 'ERR_NIP_NOT_FOUND'
        | 'ERR_REGISTRY_UNAVAILABLE'
        | 'ERR_REGISTRATION_STATE'
        | 'ERR_REGISTRATION_SAME_APPROVER'
        | 'ERR_REGISTRATION_NO_PHOTO'
        | 'ERR_OUTBOX_NOT_RESENDABLE'
        | 'ERR_PHONE_CODE_INVALID'
        | 'ERR_PHONE_CODE_EXPIRED'
        | 'ERR_PHONE_CODE_TOO_SOON'
        | 'ERR_PHONE_CODE_QUOTA'
        | 'ERR_PHONE_TAKEN'
        | 'ERR_PHONE_WHATSAPP_UNAVAILABLE'
        | 'ERR_CHANGE_REQUEST_NOT_FOUND'
        | 'ERR_CHANGE_REQUEST_PENDING'
        | 'ERR_CHANGE_REQUEST_DECIDED'
        | 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED'
        | 'ERR_PROFILE_NOT_VERIFIED'
        | 'ERR_CERT_REQUEST_NOT_FOUND'
        | 'ERR_CERT_REQUEST_OPEN'
        | 'ERR_CERT_REQUEST_STATE'
        | 'ERR_PRODUCT_NOT_ALLOWED'
        | 'ERR_SUBSCRIBER_NOT_VERIFIED'
        | 'ERR_PASSPHRASE_POLICY'
        | 'ERR_PASSPHRASE_WRONG'
        | 'ERR_PASSPHRASE_LOCKED'
        | 'ERR_SIGNING_AUTHORISATION_INVALID'
        | 'ERR_SIGNING_AUTHORISATION_SPENT'
        | 'ERR_TOTP_INVALID'
        | 'ERR_TOTP_SPENT'
        | 'ERR_TOTP_NOT_PENDING'
        | 'ERR_SUBSCRIBER_CERT_NOT_FOUND'
        | 'ERR_SUBSCRIBER_CERT_STATE'
        | 'ERR_REVOCATION_REQUEST_NOT_FOUND'
        | 'ERR_REVOCATION_PENDING'
        | 'ERR_REVOCATION_REQUEST_STATE'
        | 'ERR_TSA_UNAVAILABLE'
        | 'ERR_TSA_RATE_LIMITED'
        | 'ERR_VERIFY_RATE_LIMITED'
        | 'ERR_VERIFY_DOCUMENT_NOT_FOUND'
        | 'ERR_PDF_INVALID'
        | 'ERR_PDF_TOO_LARGE'
        | 'ERR_PDF_PASSWORD'
        | 'ERR_PDF_TAG_NOT_FOUND'
        | 'ERR_PDF_CHANGES_FORBIDDEN'
        | 'ERR_PADES_TIMESTAMP'
        | 'ERR_PADES_TIMESTAMP_TIMEOUT'
        | 'ERR_SIGNING_BUSY'
        | 'ERR_SIGNER_CANNOT_SIGN'
        | 'ERR_SIGNING_CREDENTIAL_UNSUPPORTED'
        | 'ERR_ESIGN_PASSPHRASE_WRONG'
        | 'ERR_ESIGN_USER_NOT_REGISTERED'
        | 'ERR_ESIGN_SIGNING_FAILED'
        | 'ERR_SIGNED_DOCUMENT_NOT_FOUND'
        | 'ERR_SIGNED_DOCUMENT_DOWNLOADED'
        | 'ERR_PHONE_NOT_VERIFIED'
        | 'ERR_SELFIE_NO_MATCH'
        | 'ERR_SELFIE_LOCKED'
        | 'ERR_SELFIE_CHECK_NOT_FOUND'
        | 'ERR_SELFIE_CHECK_STATE'
        | 'ERR_SERVER_INTERNAL';
      detail?: string;
      details?: {
        [key: string]: unknown;
      };
    };
    /** AuthDevice */
    AuthDevice: {
      /** Format: uuid */
      id: string;
      name: string;
    };
    /** StepResult */
    StepResult: {
      /** @enum {string} */
      next: 'password' | 'otp' | 'configure_totp' | 'update_password' | 'done' | 'sign_in';
      /** @description Send it as X-CSRF-Token with every write. */
      csrfToken?: string;
    };
    /**
     * Account
     * @description An account, without hashes or secrets.
     */
    Account: {
      /** Format: uuid */
      id: string;
      username: string;
      email: string;
      fullName: string;
      /** Format: uuid */
      institutionId: string | null;
      roles: ('subscriber' | 'ra_officer' | 'institution_admin' | 'ca_admin')[];
      /** @enum {string} */
      status: 'pending' | 'active' | 'disabled';
      /** @enum {string} */
      locale: 'id' | 'en';
      requiredActions: ('CONFIGURE_TOTP' | 'UPDATE_PASSWORD')[];
      /** Format: date-time */
      lockedUntil: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    /** ConsolePermissions */
    ConsolePermissions: {
      listAccounts: boolean;
      createAccountRoles: ('subscriber' | 'ra_officer' | 'institution_admin' | 'ca_admin')[];
      readOutbox: boolean;
      inviteRegistrants: boolean;
      inviteAnyInstitution: boolean;
      importRegistrants: boolean;
      raDesk: boolean;
      listInstitutions: boolean;
      createInstitutions: boolean;
      editInstitutions: boolean;
      manageApiClients: boolean;
      reviewRegistrations: boolean;
      reviewChangeRequests: boolean;
      reviewCertificateRequests: boolean;
      manageCertificates: boolean;
      reviewSelfieChecks: boolean;
    };
    /**
     * AdminAccount
     * @description An account as administrators see it.
     */
    AdminAccount: {
      /** Format: uuid */
      id: string;
      username: string;
      email: string;
      fullName: string;
      /** Format: uuid */
      institutionId: string | null;
      roles: ('subscriber' | 'ra_officer' | 'institution_admin' | 'ca_admin')[];
      /** @enum {string} */
      status: 'pending' | 'active' | 'disabled';
      /** @enum {string} */
      locale: 'id' | 'en';
      requiredActions: ('CONFIGURE_TOTP' | 'UPDATE_PASSWORD')[];
      /**
       * Format: date-time
       * @description End of the lockout in force, or null.
       */
      lockedUntil: string | null;
      /** Format: date-time */
      createdAt: string;
      lockedBy: ('password' | 'otp')[];
    };
    /** AdminAccountDetail */
    AdminAccountDetail: {
      /** Format: uuid */
      id: string;
      username: string;
      email: string;
      fullName: string;
      /** Format: uuid */
      institutionId: string | null;
      roles: ('subscriber' | 'ra_officer' | 'institution_admin' | 'ca_admin')[];
      /** @enum {string} */
      status: 'pending' | 'active' | 'disabled';
      /** @enum {string} */
      locale: 'id' | 'en';
      requiredActions: ('CONFIGURE_TOTP' | 'UPDATE_PASSWORD')[];
      /**
       * Format: date-time
       * @description End of the lockout in force, or null.
       */
      lockedUntil: string | null;
      /** Format: date-time */
      createdAt: string;
      lockedBy: ('password' | 'otp')[];
      hasPassword: boolean;
      authenticators: number;
    };
    /** OutboxEntry */
    OutboxEntry: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      channel: 'email' | 'whatsapp' | 'log';
      template: string;
      /** @enum {string} */
      locale: 'id' | 'en';
      /** @description Masked, e.g. b***@contoh.go.id. */
      recipient: string;
      subject: string | null;
      /** @enum {string} */
      status: 'pending' | 'sent' | 'failed';
      attempts: number;
      /** Format: date-time */
      nextAttemptAt: string;
      lastError: string | null;
      /** Format: uuid */
      accountId: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      sentAt: string | null;
      /** Format: date-time */
      failedAt: string | null;
      /** @description A dead letter whose content is still kept ("Kirim ulang"). */
      resendable: boolean;
    };
    /** InstitutionPolicy */
    InstitutionPolicy: {
      /** @description Anyone at an allowed domain may start a registration. */
      selfRegistration: boolean;
      /** @description Registrations need a checked NIP. */
      nipCheckRequired: boolean;
      /** @description Two RA officers approve each registration, not one. */
      fourEyes: boolean;
      /** @description Holders may download their key as a PKCS#12 keystore without a DOWNLOAD_KEYSTORE link. */
      keystoreSelfService: boolean;
      /** @description Perpanjangan re-uses the verified data: a renewal goes straight to the set-passphrase link, not through the RA queue. */
      renewalReusesVerifiedData: boolean;
      /** @description The name is written without academic titles. */
      nameWithoutTitles: boolean;
      nameMaxLength: number;
      jabatanForbiddenCharacters: string;
      jabatanMaxLength: number;
      /** @description The Unit Organisasi is the Eselon I unit, written out. */
      unitUnabbreviated: boolean;
      unitMaxLength: number;
    };
    /** Institution */
    Institution: {
      /** Format: uuid */
      id: string;
      code: string;
      name: string;
      emailDomains: string[];
      province: string | null;
      active: boolean;
      policy: components['schemas']['InstitutionPolicy'];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    /** Registration */
    Registration: {
      /** @enum {string} */
      status: 'invited' | 'in_progress';
      step: number;
      email: string;
      fullName: string;
      institution: {
        name: string;
        rules: {
          selfRegistration: boolean;
          nipCheckRequired: boolean;
          fourEyes: boolean;
          nameWithoutTitles: boolean;
          nameMaxLength: number;
          jabatanForbiddenCharacters: string;
          jabatanMaxLength: number;
          unitUnabbreviated: boolean;
          unitMaxLength: number;
        };
      };
      dataDiri: {
        fullName: string;
        nik: string | null;
        gelarDepan: string | null;
        gelarBelakang: string | null;
        /** @description E.164 (+62…). */
        phone: string | null;
        phoneVerified: boolean;
        /** @description Whether Submit needs the number verified by a WhatsApp code (the WhatsApp channel is configured here); otherwise the RA officer verifies it. */
        phoneVerificationRequired: boolean;
      };
      dataKedinasan: {
        /** @enum {string|null} */
        employeeType: 'asn' | 'other' | null;
        nip: string | null;
        /** @enum {string|null} */
        nipVerifiedBy: 'bkn' | 'manual' | null;
        unitOrganisasi: string | null;
        jabatan: string | null;
        province: string | null;
      };
      photo: {
        selfie: boolean;
        ktp: boolean;
      };
      consents: {
        /** @enum {string} */
        document: 'privacy_policy' | 'subscriber_agreement' | 'data_processing';
        version: string;
        /** Format: date-time */
        acceptedAt: string;
      }[];
      consentDocuments: {
        /** @enum {string} */
        document: 'privacy_policy' | 'subscriber_agreement' | 'data_processing';
        version: string;
        title: string;
      }[];
      registryEnabled: boolean;
      /** Format: date-time */
      linkExpiresAt: string;
    };
    /** RegistrationListItem */
    RegistrationListItem: {
      /** Format: uuid */
      accountId: string;
      /** Format: uuid */
      institutionId: string;
      institutionName: string;
      fullName: string;
      email: string;
      /** @enum {string} */
      status: 'invited' | 'in_progress' | 'submitted' | 'first_approval' | 'verified' | 'rejected';
      source: string;
      /** Format: date-time */
      submittedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      firstApprovedBy: string | null;
    };
    /** RegistrationOverview */
    RegistrationOverview: {
      /** Format: uuid */
      accountId: string;
      username: string;
      /** @enum {string} */
      status: 'invited' | 'in_progress' | 'submitted' | 'first_approval' | 'verified' | 'rejected';
      source: string;
      /** Format: date-time */
      submittedAt: string | null;
      /** Format: date-time */
      updatedAt: string;
      personal: {
        fullName: string;
        nik: string | null;
        gelarDepan: string | null;
        gelarBelakang: string | null;
        email: string;
        phone: string | null;
        /** Format: date-time */
        phoneVerifiedAt: string | null;
        /** @enum {string|null} */
        phoneVerifiedBy: 'whatsapp' | 'ra' | null;
      };
      employment: {
        /** @enum {string|null} */
        employeeType: 'asn' | 'other' | null;
        nip: string | null;
        /** @enum {string|null} */
        nipVerifiedBy: 'bkn' | 'manual' | null;
        jabatan: string | null;
        organisasi: string;
        /** Format: uuid */
        institutionId: string;
        unitOrganisasi: string | null;
        province: string | null;
      };
      certificate: {
        products: string[];
        certificates: Record<string, never>[];
      };
      accountStatus: {
        /** @enum {string} */
        userType: 'ADMIN' | 'USER';
        accountStatus: string;
        /** @enum {string} */
        verificationStatus:
          'invited' | 'in_progress' | 'submitted' | 'first_approval' | 'verified' | 'rejected';
      };
      consents: {
        /** @enum {string} */
        document: 'privacy_policy' | 'subscriber_agreement' | 'data_processing';
        version: string;
        acceptedAt: string;
      }[];
      photos: {
        selfie: boolean;
        ktp: boolean;
      };
      decision: {
        fourEyes: boolean;
        /** Format: uuid */
        firstApprovedBy: string | null;
        /** Format: date-time */
        firstApprovedAt: string | null;
        /** Format: uuid */
        verifiedBy: string | null;
        /** Format: date-time */
        verifiedAt: string | null;
        /** Format: uuid */
        rejectedBy: string | null;
        /** Format: date-time */
        rejectedAt: string | null;
        rejectReason: string | null;
      };
      permissions: {
        review: boolean;
        correctNik: boolean;
        photo: boolean;
        sendLink: boolean;
        decide: boolean;
      };
    };
    /**
     * ApiClient
     * @description An API client, without its secret or hash.
     */
    ApiClient: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      institutionId: string;
      username: string;
      description: string;
      enabled: boolean;
      allowedCidrs: string[];
      rateLimitPerMinute: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      secretRotatedAt: string | null;
      /** Format: date-time */
      lastUsedAt: string | null;
    };
    /**
     * RegistrationImport
     * @description A CSV import's progress.
     */
    RegistrationImport: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      institutionId: string;
      /** @enum {string} */
      status: 'running' | 'done' | 'failed';
      totalRows: number;
      processedRows: number;
      createdRows: number;
      resentRows: number;
      refusedRows: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      finishedAt: string | null;
      /**
       * Format: date-time
       * @description When the import was last resumed; null if never.
       */
      resumedAt: string | null;
    };
    /** ChangeRequest */
    ChangeRequest: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status: 'pending' | 'approved' | 'rejected' | 'cancelled';
      changes: {
        /** @enum {string} */
        field:
          'fullName' | 'gelarDepan' | 'gelarBelakang' | 'email' | 'unitOrganisasi' | 'jabatan' | 'province';
        from: string | null;
        to: string | null;
      }[];
      emailChange: boolean;
      emailConfirmed: boolean;
      reason: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      decidedAt: string | null;
    };
    /** Authority */
    Authority: {
      /** @enum {string} */
      id: 'root' | 'individual' | 'seal' | 'tls';
      parent: string | null;
      subject: string;
      /** Format: date-time */
      notBefore: string;
      /** Format: date-time */
      notAfter: string;
      keyAlgorithm: string;
      /** @description Path of the DER certificate. */
      certificate: string;
      /** @description Path of the DER CRL. */
      crl: string;
      /** Format: date-time */
      revokedAt?: string;
      revocationReason?: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
