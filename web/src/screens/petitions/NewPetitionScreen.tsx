import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { PetitionField, PetitionFiledReply } from '../../api/types';
import { Link, paths } from '../../app/router';
import { BodySelect } from '../../components/BodySelect';
import { useBodies } from '../../components/hooks';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ProvinceSelect, provinceOfBody, useProvinces } from '../../components/ProvinceSelect';
import { t } from '../../i18n/i18n';
import { useTitle } from '../useTitle';
import { newKey, rememberSecret } from './codes';
import { fieldLabel, petitionFields } from './labels';
import './petitions.css';

/**
 * A voter files a petition on the portal, with or without an account and with or without their name. The
 * reply's code follows the petition; its secret, shown here once and kept in this browser, lets the filer rate
 * the answer or have their details erased.
 */
export default function NewPetitionScreen() {
  useTitle(t('petitions.new.title'));
  const bodies = useBodies();
  const provinces = useProvinces();
  const [body, setBody] = useState('');
  const [field, setField] = useState<PetitionField | ''>('');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [province, setProvince] = useState<string | null>(null);
  const [commune, setCommune] = useState('');
  const [fullName, setFullName] = useState('');
  const [contact, setContact] = useState('');
  const [address, setAddress] = useState('');
  const [key, setKey] = useState(newKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [filed, setFiled] = useState<{ reply: PetitionFiledReply; kept: boolean } | null>(null);
  const bodyId = body || bodies?.[0]?.bodyId || '';
  // A People's Council's own province until the voter picks another.
  const provinceId = province ?? provinceOfBody(provinces, bodyId) ?? '';

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) {
      return;
    }

    setBusy(true);
    setError(null);
    try {
      const named = fullName.trim() || contact.trim() || address.trim();
      const reply = await api.filePetition(
        {
          bodyId,
          field: field as PetitionField,
          title,
          text,
          provinceId,
          commune: commune.trim() || null,
          petitioner: named ? { fullName: fullName.trim() || null, contact: contact.trim() || null, address: address.trim() || null } : null,
        },
        key,
      );
      setFiled({ reply, kept: reply.secret ? rememberSecret(reply.code, reply.secret) : false });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (filed) {
    return (
      <Filed
        reply={filed.reply}
        kept={filed.kept}
        onAnother={() => {
          setFiled(null);
          setTitle('');
          setText('');
          setKey(newKey());
        }}
      />
    );
  }

  return (
    <div class="page page--form new-petition">
      <p>
        <Link href={paths.petitions()}>{t('petitions.back')}</Link>
      </p>
      <h1>{t('petitions.new.title')}</h1>
      <p class="muted">{t('petitions.new.intro')}</p>
      <form class="form" onSubmit={submit} data-testid="new-petition">
        <div class="field-grid">
          <BodySelect value={bodyId} onChange={setBody} />
          <label class="field">
            <span class="field__label">{t('petitions.fieldLabel')}</span>
            <select name="field" required value={field} onChange={e => setField(e.currentTarget.value as PetitionField | '')}>
              <option value="">{t('petitions.new.chooseField')}</option>
              {petitionFields.map(f => (
                <option key={f} value={f}>
                  {fieldLabel(f)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label class="field">
          <span class="field__label">{t('petitions.new.titleField')}</span>
          <input name="title" required maxLength={200} value={title} onInput={e => setTitle(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t('petitions.new.text')}</span>
          <textarea
            name="text"
            required
            maxLength={8000}
            rows={7}
            aria-describedby="petition-text-hint"
            value={text}
            onInput={e => setText(e.currentTarget.value)}
          />
        </label>
        <p id="petition-text-hint" class="muted field__hint">
          {t('petitions.new.textHint')}
        </p>
        <div class="field-grid">
          <ProvinceSelect value={provinceId} onChange={setProvince} empty="choose" />
          <label class="field">
            <span class="field__label">{t('petitions.commune')}</span>
            <input name="commune" maxLength={120} value={commune} onInput={e => setCommune(e.currentTarget.value)} />
          </label>
        </div>
        <fieldset class="private-fields" aria-describedby="private-note">
          <legend class="field__label">{t('petitions.new.aboutYou')}</legend>
          <p id="private-note" class="private-fields__note">
            {t('petitions.new.privateNote')}
          </p>
          <div class="field-grid">
            <label class="field">
              <span class="field__label">{t('petitions.new.fullName')}</span>
              <input name="fullName" maxLength={200} autoComplete="name" value={fullName} onInput={e => setFullName(e.currentTarget.value)} />
            </label>
            <label class="field">
              <span class="field__label">{t('petitions.new.contact')}</span>
              <input name="contact" maxLength={200} autoComplete="email" value={contact} onInput={e => setContact(e.currentTarget.value)} />
            </label>
          </div>
          <label class="field">
            <span class="field__label">{t('petitions.new.address')}</span>
            <input name="address" maxLength={500} autoComplete="street-address" value={address} onInput={e => setAddress(e.currentTarget.value)} />
          </label>
        </fieldset>
        <div class="button-row">
          <button type="submit" class="button" disabled={busy}>
            {t('petitions.new.submit')}
          </button>
        </div>
        <ProblemMessage error={error} />
      </form>
    </div>
  );
}

/** The receipt: the code and the secret, large, with what each is for; the heading takes focus so it is read out. */
function Filed({ reply, kept, onAnother }: { readonly reply: PetitionFiledReply; readonly kept: boolean; readonly onAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div class="page page--form new-petition">
      <h1 ref={heading} tabIndex={-1}>
        {t('petitions.filed.title')}
      </h1>
      <section class="panel receipt" data-testid="receipt" aria-labelledby="receipt-code-label">
        <p id="receipt-code-label" class="receipt__label">
          {t('petitions.filed.code')}
        </p>
        <p class="receipt__value" data-testid="receipt-code">
          {reply.code}
        </p>
        <p class="muted">{t('petitions.filed.codeHint')}</p>
        {reply.secret && (
          <>
            <p id="receipt-secret-label" class="receipt__label">
              {t('petitions.filed.secret')}
            </p>
            <p class="receipt__value receipt__value--secret" data-testid="receipt-secret" aria-describedby="receipt-secret-label">
              {reply.secret}
            </p>
            <p class="receipt__warning">{t('petitions.filed.secretOnce')}</p>
            <p data-testid="receipt-kept">{kept ? t('petitions.filed.kept') : t('petitions.filed.notKept')}</p>
          </>
        )}
      </section>
      <div class="button-row">
        <Link href={paths.petition(reply.petitionId)} class="button">
          {t('petitions.filed.open')}
        </Link>
        <button type="button" class="button button--secondary" onClick={onAnother}>
          {t('petitions.filed.another')}
        </button>
      </div>
    </div>
  );
}
