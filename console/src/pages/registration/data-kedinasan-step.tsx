/**
 * Step 2, Data Kedinasan (seed 002): the institution (given), then the employment status — "ASN dan
 * Penyidik POLRI" with NIP / NRP and "Cek NIP / NRP", which fills Unit Organisasi, Jabatan and
 * Provinsi from the personnel registry (or, with no registry connected, checks the format and
 * leaves them to be typed), or "Lainnya" with Unit Organisasi, Jabatan and "Provinsi Non ASN".
 */
import { useId, useState, type FormEvent } from 'react';
import { registrationApi, type EmployeeType, type NipCheck } from '../../api/registration';
import { ErrorNotice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/i18n';
import { provinces } from '../../lib/provinces';
import type { StepProps } from './data-diri-step';
import { isLinkProblem } from './link-problem';
import { fieldMessage, refusedField, WizardField } from './wizard-field';

const fields = ['employeeType', 'nip', 'unitOrganisasi', 'jabatan', 'province'];

export function DataKedinasanStep({
  token,
  registration,
  onLinkProblem,
  onBack,
  onNext,
}: StepProps & { onBack: () => void; onNext: () => void }) {
  const { t, lang } = useI18n();
  const saved = registration.dataKedinasan;
  const [type, setType] = useState<EmployeeType | undefined>(saved.employeeType ?? undefined);
  const [nip, setNip] = useState(saved.nip ?? '');
  const [unit, setUnit] = useState(saved.unitOrganisasi ?? '');
  const [jabatan, setJabatan] = useState(saved.jabatan ?? '');
  const [province, setProvince] = useState(saved.province ?? '');
  /** The NIP last checked, and what the check said (a saved ASN step counts as checked). */
  const [checked, setChecked] = useState<
    | { nip: string; result: Partial<Omit<NipCheck, 'verifiedBy'>> & { verifiedBy: 'bkn' | 'manual' | null } }
    | undefined
  >(
    saved.employeeType === 'asn' && saved.nip
      ? { nip: saved.nip, result: { verifiedBy: saved.nipVerifiedBy } }
      : undefined,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [needCheck, setNeedCheck] = useState(false);
  const [needType, setNeedType] = useState(false);

  const fail = (e: unknown) => {
    if (isLinkProblem(e)) onLinkProblem(e);
    setError(e);
    setBusy(false);
  };

  const checkNip = async () => {
    setError(undefined);
    setNeedCheck(false);
    setBusy(true);
    try {
      const result = await registrationApi.checkNip(token, nip.trim());
      setChecked({ nip: nip.trim(), result });
      // What the registry knows replaces what was there; what it does not know stays to be typed.
      if (result.unitOrganisasi) setUnit(result.unitOrganisasi);
      if (result.jabatan) setJabatan(result.jabatan);
      if (result.province) setProvince(result.province);
      setBusy(false);
    } catch (e) {
      setChecked(undefined);
      fail(e);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!type) {
      setNeedType(true);
      return;
    }
    if (type === 'asn' && checked?.nip !== nip.trim()) {
      setNeedCheck(true);
      return;
    }
    setBusy(true);
    try {
      await registrationApi.saveDataKedinasan(token, {
        employeeType: type,
        ...(type === 'asn' ? { nip: nip.trim() } : {}),
        unitOrganisasi: unit.trim(),
        jabatan: jabatan.trim(),
        province,
      });
      onNext();
    } catch (e) {
      fail(e);
    }
  };

  const at = (field: string) => fieldMessage(error, field, t, lang);
  const field = refusedField(error);
  const fromRegistry = type === 'asn' && checked?.nip === nip.trim() && checked.result.verifiedBy === 'bkn';
  const showDetails = type === 'other' || (type === 'asn' && checked?.nip === nip.trim());
  const choose = (next: EmployeeType) => {
    setType(next);
    setNeedType(false);
    setError(undefined);
  };

  return (
    <>
      <PageHeading title={t('wizard.dataKedinasan.title')}>{t('wizard.dataKedinasan.title')}</PageHeading>
      <p className="muted">{t('wizard.dataKedinasan.note')}</p>
      {error !== undefined && !(field && fields.includes(field)) && <ErrorNotice error={error} />}
      <form className="form" onSubmit={(e) => void submit(e)}>
        <dl className="wizard-given">
          <dt>{t('wizard.institution')}</dt>
          <dd>{registration.institution.name}</dd>
        </dl>
        <fieldset className="choice-cards" aria-invalid={needType || undefined}>
          <legend>{t('wizard.employeeType')}</legend>
          <ChoiceCard
            name={t('wizard.asn')}
            hint={t('wizard.asnHint')}
            checked={type === 'asn'}
            onChoose={() => choose('asn')}
          />
          <ChoiceCard
            name={t('wizard.other')}
            hint={t('wizard.otherHint')}
            checked={type === 'other'}
            onChoose={() => choose('other')}
          />
          {(needType || at('employeeType')) && (
            <p className="hint field-error" role="alert">
              {at('employeeType') ?? t('wizard.employeeTypeRequired')}
            </p>
          )}
        </fieldset>

        {type === 'asn' && (
          <div className="nip-row">
            <WizardField
              label={t('wizard.nip')}
              hint={t('wizard.nipHint')}
              required
              inputMode="numeric"
              autoComplete="off"
              maxLength={18}
              value={nip}
              error={at('nip') ?? (needCheck ? t('wizard.nipCheckFirst') : undefined)}
              onChange={(e) => setNip(e.target.value.replace(/\s/g, ''))}
            />
            <button
              type="button"
              className="button"
              disabled={busy || nip.trim() === ''}
              onClick={() => void checkNip()}
            >
              {t('wizard.checkNip')}
            </button>
          </div>
        )}
        {type === 'asn' && checked?.nip === nip.trim() && (
          <p
            className={checked.result.verifiedBy === 'bkn' ? 'notice notice-success' : 'notice notice-info'}
            role="status"
          >
            {checked.result.verifiedBy === 'bkn'
              ? t('wizard.nipFound')
              : registration.registryEnabled
                ? t('wizard.nipRegistryDown')
                : t('wizard.nipFormatOnly')}
          </p>
        )}

        {showDetails && (
          <>
            <WizardField
              label={t('wizard.unitOrganisasi')}
              required
              maxLength={200}
              readOnly={fromRegistry && Boolean(checked?.result.unitOrganisasi)}
              value={unit}
              error={at('unitOrganisasi')}
              onChange={(e) => setUnit(e.target.value)}
            />
            <WizardField
              label={t('wizard.jabatan')}
              required
              maxLength={200}
              readOnly={fromRegistry && Boolean(checked?.result.jabatan)}
              value={jabatan}
              error={at('jabatan')}
              onChange={(e) => setJabatan(e.target.value)}
            />
            <WizardField
              as="select"
              label={type === 'other' ? t('wizard.provinceNonAsn') : t('wizard.province')}
              required
              disabled={fromRegistry && Boolean(checked?.result.province)}
              value={province}
              error={at('province')}
              onChange={(e) => setProvince(e.target.value)}
            >
              <option value="">{t('wizard.chooseProvince')}</option>
              {province && !provinces.includes(province) && <option value={province}>{province}</option>}
              {provinces.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </WizardField>
          </>
        )}

        <div className="wizard-actions">
          <button type="button" className="button" onClick={onBack} disabled={busy}>
            {t('wizard.previous')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {t('wizard.next')}
          </button>
        </div>
      </form>
    </>
  );
}

/** One employment status: its name is the radio's name, the line under it its description. */
function ChoiceCard({
  name,
  hint,
  checked,
  onChoose,
}: {
  name: string;
  hint: string;
  checked: boolean;
  onChoose: () => void;
}) {
  const id = useId();
  return (
    <label className={checked ? 'choice-card selected' : 'choice-card'}>
      <input
        type="radio"
        name="employeeType"
        checked={checked}
        onChange={onChoose}
        aria-labelledby={`${id}-name`}
        aria-describedby={`${id}-hint`}
      />
      <span>
        <strong id={`${id}-name`}>{name}</strong>
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      </span>
    </label>
  );
}
