import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { ContactMeetingSummary, MeetingFiledReply, MeetingTiming, PetitionField } from '../../api/types';
import { Link, paths } from '../../app/router';
import { personIn, useMe } from '../../auth/session';
import { BodySelect } from '../../components/BodySelect';
import { Gate } from '../../components/Gate';
import { useBodies, useBodyView } from '../../components/hooks';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ProvinceSelect, provinceName, provinceOfBody, useProvinces } from '../../components/ProvinceSelect';
import { lang, t } from '../../i18n/i18n';
import { formatDay, vietnamDayPlus } from '../../time/format';
import { useTitle } from '../useTitle';
import { newKey } from './codes';
import { MEETING_ROLES, fieldLabel, meetingTimings, petitionFields, petitionsText, timingLabel } from './labels';
import './petitions.css';

interface Row {
  readonly key: number;
  field: PetitionField | '';
  title: string;
  text: string;
  supporters: string;
}

const emptyRow = (key: number): Row => ({ key, field: '', title: '', text: '', supporters: '1' });

/**
 * A voter contact meeting as the body's secretariat or a deputy records it: when and where, before or after
 * which session, the deputies who held it, and each petition raised there with its supporters. The meeting is
 * recorded whole or not at all, and each petition gets its tracking code.
 */
export default function ContactMeetingScreen() {
  useTitle(t('meeting.title'));
  const me = useMe();
  const bodies = useBodies();
  const [chosen, setChosen] = useState('');
  // The first body the account may record for, until another is chosen.
  const mine = bodies?.find(b => me?.grants.some(g => MEETING_ROLES.includes(g.role) && (g.bodyId === b.bodyId || g.bodyId === '*')));
  const bodyId = chosen || mine?.bodyId || bodies?.[0]?.bodyId || '';
  return (
    <div class="page meeting">
      <p>
        <Link href={paths.petitions()}>{t('petitions.back')}</Link>
      </p>
      <h1>{t('meeting.title')}</h1>
      <p class="muted">{t('meeting.intro')}</p>
      <BodySelect class="field meeting__body" value={bodyId} onChange={setChosen} />
      {bodyId && (
        <Gate bodyId={bodyId} roles={MEETING_ROLES}>
          {() => <MeetingForm key={bodyId} bodyId={bodyId} />}
        </Gate>
      )}
    </div>
  );
}

function MeetingForm({ bodyId }: { readonly bodyId: string }) {
  const me = useMe();
  const body = useBodyView(bodyId);
  const provinces = useProvinces();
  const [date, setDate] = useState(() => vietnamDayPlus(0));
  const [timing, setTiming] = useState<MeetingTiming>('beforeSession');
  const [session, setSession] = useState('');
  const [province, setProvince] = useState<string | null>(null);
  const [commune, setCommune] = useState('');
  const [heldBy, setHeldBy] = useState<string[]>(() => {
    const self = personIn(me, 'deputy', bodyId);
    return self ? [self] : [];
  });
  const [rows, setRows] = useState<Row[]>([emptyRow(1)]);
  const next = useRef(2);
  const focusRow = useRef<number | null>(null);
  const [key, setKey] = useState(newKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [filed, setFiled] = useState<{ reply: MeetingFiledReply; titles: string[] } | null>(null);
  const [meetings, setMeetings] = useState<ContactMeetingSummary[] | null>(null);
  const provinceId = province ?? provinceOfBody(provinces, bodyId) ?? '';

  const loadMeetings = () => api.contactMeetings(bodyId).then(setMeetings, () => setMeetings([]));
  useEffect(() => {
    void loadMeetings();
  }, [bodyId]);
  useEffect(() => {
    // After "add a petition", start typing in the new row.
    if (focusRow.current !== null) {
      document.getElementById(`meeting-row-${focusRow.current}-field`)?.focus();
      focusRow.current = null;
    }
  }, [rows.length]);

  const update = (rowKey: number, change: Partial<Row>) => setRows(rows.map(r => (r.key === rowKey ? { ...r, ...change } : r)));
  const add = () => {
    focusRow.current = next.current;
    setRows([...rows, emptyRow(next.current++)]);
  };

  const remove = (rowKey: number) => setRows(rows.filter(r => r.key !== rowKey));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) {
      return;
    }

    setBusy(true);
    setError(null);
    try {
      const reply = await api.recordMeeting(
        bodyId,
        {
          date,
          timing,
          session: timing === 'thematic' || session === '' ? null : Number(session),
          provinceId,
          commune: commune.trim() || null,
          heldBy,
          petitions: rows.map(r => ({ field: r.field as PetitionField, title: r.title, text: r.text, supporters: Number(r.supporters) })),
        },
        key,
      );
      setFiled({ reply, titles: rows.map(r => r.title) });
      setRows([emptyRow(next.current++)]);
      setKey(newKey());
      void loadMeetings();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {filed && (
        <section class="panel receipt" aria-labelledby="meeting-done-heading" data-testid="meeting-receipt">
          <h2 id="meeting-done-heading" class="panel__title">
            {t('meeting.done', { count: filed.reply.petitions.length })}
          </h2>
          <ul class="plain-list" data-testid="meeting-codes">
            {filed.reply.petitions.map((p, i) => (
              <li key={p.petitionId}>
                <code class="petition-code">{p.code}</code> <Link href={paths.petition(p.petitionId)}>{filed.titles[i] ?? p.code}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p class="visually-hidden" role="status">
        {filed ? t('meeting.done', { count: filed.reply.petitions.length }) : ''}
      </p>
      <form class="form" onSubmit={submit} data-testid="meeting-form">
        <fieldset class="meeting__fieldset">
          <legend class="field__label">{t('meeting.when')}</legend>
          <div class="field-grid">
            <label class="field">
              <span class="field__label">{t('meeting.date')}</span>
              <input name="date" type="date" required max={vietnamDayPlus(0)} value={date} onInput={e => setDate(e.currentTarget.value)} />
            </label>
            <label class="field">
              <span class="field__label">{t('meeting.timing')}</span>
              <select name="timing" value={timing} onChange={e => setTiming(e.currentTarget.value as MeetingTiming)}>
                {meetingTimings.map(x => (
                  <option key={x} value={x}>
                    {timingLabel(x, null)}
                  </option>
                ))}
              </select>
            </label>
            <label class="field" hidden={timing === 'thematic'}>
              <span class="field__label">{t('meeting.session')}</span>
              <input
                name="session"
                type="number"
                min={1}
                max={99}
                disabled={timing === 'thematic'}
                value={session}
                onInput={e => setSession(e.currentTarget.value)}
              />
            </label>
          </div>
          <div class="field-grid">
            <ProvinceSelect value={provinceId} onChange={setProvince} empty="choose" />
            <label class="field">
              <span class="field__label">{t('petitions.commune')}</span>
              <input name="commune" maxLength={120} value={commune} onInput={e => setCommune(e.currentTarget.value)} />
            </label>
          </div>
        </fieldset>
        <fieldset class="meeting__fieldset" data-testid="meeting-deputies">
          <legend class="field__label">{t('meeting.deputies')}</legend>
          <div class="meeting__deputies">
            {body?.members.map(m => (
              <label key={m.memberId} class="choice">
                <input
                  type="checkbox"
                  name="heldBy"
                  value={m.memberId}
                  checked={heldBy.includes(m.memberId)}
                  onChange={e => setHeldBy(e.currentTarget.checked ? [...heldBy, m.memberId] : heldBy.filter(id => id !== m.memberId))}
                />{' '}
                {m.name}
              </label>
            ))}
          </div>
        </fieldset>
        <h2 class="meeting__petitions-heading">{t('meeting.petitions')}</h2>
        <ol class="meeting__rows" data-testid="meeting-rows">
          {rows.map((r, i) => (
            <li key={r.key} class="meeting__row">
              <fieldset class="meeting__fieldset">
                <legend class="field__label">{t('meeting.petitionN', { number: i + 1 })}</legend>
                <div class="field-grid">
                  <label class="field">
                    <span class="field__label">{t('petitions.fieldLabel')}</span>
                    <select
                      id={`meeting-row-${r.key}-field`}
                      name="field"
                      required
                      value={r.field}
                      onChange={e => update(r.key, { field: e.currentTarget.value as PetitionField | '' })}
                    >
                      <option value="">{t('petitions.new.chooseField')}</option>
                      {petitionFields.map(f => (
                        <option key={f} value={f}>
                          {fieldLabel(f)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label class="field">
                    <span class="field__label">{t('meeting.supporters')}</span>
                    <input
                      name="supporters"
                      type="number"
                      required
                      min={1}
                      max={1000000}
                      value={r.supporters}
                      onInput={e => update(r.key, { supporters: e.currentTarget.value })}
                    />
                  </label>
                </div>
                <label class="field">
                  <span class="field__label">{t('petitions.new.titleField')}</span>
                  <input name="title" required maxLength={200} value={r.title} onInput={e => update(r.key, { title: e.currentTarget.value })} />
                </label>
                <label class="field">
                  <span class="field__label">{t('meeting.text')}</span>
                  <textarea name="text" required maxLength={8000} rows={3} value={r.text} onInput={e => update(r.key, { text: e.currentTarget.value })} />
                </label>
                {rows.length > 1 && (
                  <button type="button" class="button button--secondary button--small" onClick={() => remove(r.key)}>
                    {t('meeting.remove', { number: i + 1 })}
                  </button>
                )}
              </fieldset>
            </li>
          ))}
        </ol>
        <div class="button-row">
          <button type="button" class="button button--secondary" onClick={add} disabled={rows.length >= 100}>
            {t('meeting.add')}
          </button>
          <button type="submit" class="button" disabled={busy}>
            {t('meeting.submit', { count: rows.length })}
          </button>
        </div>
        <ProblemMessage error={error} />
      </form>
      <section class="panel meeting__list" aria-labelledby="meetings-heading" data-testid="meetings">
        <h2 id="meetings-heading" class="panel__title">
          {t('meeting.recorded')}
        </h2>
        {meetings?.length === 0 && <p class="muted">{t('meeting.none')}</p>}
        <ul class="plain-list">
          {meetings?.map(m => (
            <li key={m.meetingId}>
              <time dateTime={m.heldOn}>{formatDay(m.heldOn, lang(), 'long')}</time> · {timingLabel(m.timing, m.session)} ·{' '}
              {[m.commune, provinceName(provinces, m.provinceId)].filter(Boolean).join(', ')} ·{' '}
              <Link href={paths.petitions(`meeting=${m.meetingId}`)}>{petitionsText(m.petitions)}</Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
