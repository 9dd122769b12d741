// What an event of a record's history is called in a timeline: said as done ("Supporting partner
// named", "Payment approved"), in the reader's language, from the events catalog
// (i18n/<lang>/events.json): first the machine's own word for it (events.<machine>.<event>), then
// the word for an event any record may have (events.<event>). Every event of every workflow
// machine has one (tests/browser/event_labels.test.mjs).

import { has, label, t } from '../i18n.js';

// The machine of an audit entity name, where the entity has one.
const MACHINE_OF_ENTITY = {
  proposal: 'proposal', assignment: 'review_assignment', review_assignment: 'review_assignment',
  grant: 'grant', tranche: 'tranche', report: 'report', call: 'call', amendment: 'amendment',
};

export function eventName(entity, event) {
  const machine = MACHINE_OF_ENTITY[entity] ?? entity;
  if (has(`events.${machine}.${event}`)) return t(`events.${machine}.${event}`);
  if (has(`events.${event}`)) return t(`events.${event}`);
  return label('event', event);
}
