// PMO Flow's Tasklist configuration (replaces the webjar's config.js; the keyboard shortcuts are Camunda's defaults).
export default {
  app: {
    name: 'Tasklist',
    vendor: 'PMO Flow'
  },
  // Loaded as an ES module from app/tasklist/<name>.js
  customScripts: ['scripts/pmo-form-validity'],
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'claims the currently selected task' },
    focusFilter: { key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list' },
    focusList: { key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list' },
    focusForm: { key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form' },
    startProcess: { key: 'ctrl+alt+p', description: 'opens the start process modal dialog' }
  }
};
