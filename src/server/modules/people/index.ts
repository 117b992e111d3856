/** The people module's door: what other modules may use (architecture.md "Module boundaries"). */
export { accessTo, officeAuthority, type PersonScopeFacts } from './people.policy.js';
export {
  closingDateFor,
  countPeopleByUnit,
  createImportedPerson,
  loadPersonScope,
  peopleByBlindIndex,
  peopleScopeOf,
  updateImportedPerson,
  validatePerson,
  type PersonCreate,
  type PersonFacts,
  type PersonFields,
  type PersonUpdate,
} from './people.service.js';
/** Reads for other modules, by name (they take db or a transaction); never the repository itself. */
export { currentPosts, familyOf } from './people.repository.js';
/** Composable SQL: who may see this person's record, for queries that join `people`. */
export { visiblePeople, type PeopleScope } from './people.repository.js';
