import { verifyAuditChain } from '../../audit/verify-audit-chain.js';
import { withRuntime, write, type CliIo } from '../cli-context.js';

export async function auditVerify(io: CliIo): Promise<number> {
  return withRuntime(io, async (rt) => {
    const sealed = await rt.sealAudit();
    const result = await verifyAuditChain(rt.db, rt.masterKey.derive('audit-chain/v1'));
    if (!result.ok) {
      write(io.stderr, `audit chain BROKEN at event ${result.problem!.seq}: ${result.problem!.reason}`);
      write(io.stderr, `${result.events} events verified before the break.`);
      return 1;
    }
    write(io.stdout, `audit chain OK: ${result.events} events${sealed ? ` (${sealed} sealed now)` : ''}`);
    if (result.head)
      write(
        io.stdout,
        `head: event ${result.head.seq} ${result.head.hash}  (keep this value elsewhere to detect truncation)`,
      );
    return 0;
  });
}
