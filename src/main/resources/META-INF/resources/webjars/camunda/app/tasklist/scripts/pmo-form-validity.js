/*
 * Keeps Tasklist's "Complete" button usable on Camunda Forms with dynamic lists (repeatable rows).
 *
 * Why: Tasklist 7.24 disables "Complete" whenever form-js's error map has any key
 * (`!!Object.keys(state.errors).length`). form-js records every edit of a field inside a dynamic list as
 * `errors[fieldId][row] = undefined`, which its JSON clone turns into `{ fieldId: [null] }`: a key without an
 * error. After the first edit in a row the button stays disabled for good, although nothing is wrong.
 *
 * What: the Tasklist form scope's `$invalid` is answered from what form-js shows — an error message under a
 * field — instead of from the raw error map, and a digest is triggered whenever form-js re-renders. Real
 * errors still disable the button, "Complete" still runs form-js's full validation before submitting, and
 * the server validates every completion again. Camunda 7.24 CE is the last release, so the markup this relies
 * on does not change under it.
 */
const PATCHED = 'pmoValidityPatched';

function ownerOfInvalid(scope) {
  let s = scope;
  while (s && !Object.prototype.hasOwnProperty.call(s, '$invalid')) {
    s = s.$parent;
  }
  return s;
}

function showsErrors(container) {
  return [...container.querySelectorAll('.fjs-form-field-error')]
    .some((error) => error.textContent.trim() !== '');
}

function patch(container) {
  const angular = window.angular;
  if (!angular || container.dataset[PATCHED]) {
    return;
  }
  const scope = ownerOfInvalid(angular.element(container).scope());
  if (!scope) {
    return; // Tasklist sets $invalid on the first change; the next mutation tries again
  }
  container.dataset[PATCHED] = 'true';
  Object.defineProperty(scope, '$invalid', {
    configurable: true,
    get: () => showsErrors(container),
    set: () => {}
  });
  new MutationObserver(() => scope.$applyAsync()).observe(container, {
    childList: true, subtree: true, characterData: true
  });
  scope.$applyAsync();
}

new MutationObserver(() => document.querySelectorAll('.fjs-container').forEach(patch))
  .observe(document.documentElement, { childList: true, subtree: true });

export default [];
