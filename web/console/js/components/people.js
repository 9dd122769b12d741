// People who acted, as the API names them for the signed-in reader. Each record carries
// `actors` ({requested_by: actor, ...}) and each audit or timeline event an `actor`:
// {id, name, organisation, role} for a person the reader may know, {organisation, role} when the
// reader may know only the organisation (a city reading its supporting partner's steps), {role}
// when only which side acted (a city never learns which reviewer acted), null for the system.
// The rule is the server's (access::discloseTo); this file only puts it in words.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { currentUser } from '../session.js';

// How much of the person the actor carries: 'person', 'organisation', 'side' or 'system'.
export function knownAs(actor) {
  if (!actor) return 'system';
  if (actor.name) return 'person';
  return actor.organisation ? 'organisation' : 'side';
}

// The side that acted in words: "the fund", "a strategic partner", "the city", "a donor".
export function sideWord(role) {
  return ['fund', 'partner', 'city', 'donor'].includes(role) ? t(`people.side.${role}`) : t('people.side.unknown');
}

// The actor in words: "Amina Diallo (Mayors Migration Council)", "you" (with `you`), "IOM
// (strategic partner)", "a strategic partner", or "the system".
export function actorText(actor, { you = false, organisation = true } = {}) {
  switch (knownAs(actor)) {
    case 'system': return t('people.system');
    case 'person':
      if (you && actor.id === currentUser()?.id) return t('people.you');
      return organisation && actor.organisation ? t('people.person_of', { name: actor.name, org: actor.organisation }) : actor.name;
    case 'organisation': return t('people.organisation_only', { org: actor.organisation, side: sideWord(actor.role) });
    default: return sideWord(actor.role);
  }
}

// The actor as an element (data-known tells how much is shown), with a hint for the reader when
// the person is not named to them.
export function actorNode(actor, options = {}) {
  const known = knownAs(actor);
  const hidden = known === 'organisation' || known === 'side';
  return h('span', { class: ['actor', `actor-${known}`], dataset: { known }, title: hidden ? t('people.not_named') : undefined },
    actorText(actor, options));
}

// Who a record names in `field` ("verified_by"), in words: from its `actors`, else "—" when no
// one has yet (the id field is null then too).
export function personOf(record, field, options = {}) {
  const actor = record?.actors?.[field];
  if (actor) return actorText(actor, { you: true, ...options });
  const id = record?.[field];
  return id === null || id === undefined ? '—' : t('people.user', { id });
}

// Whether the record names someone in `field` (known by name or not).
export function hasActor(record, field) {
  return Boolean(record?.actors?.[field]) || (record?.[field] !== null && record?.[field] !== undefined);
}
