// Behaviours every console page shares.
// Irreversible actions ask first: a submit button with data-confirm says what will happen, and the form is sent only
// when the user agrees. The browser's own dialog: keyboard and screen-reader friendly, nothing to style.
document.addEventListener('submit', e => {
  const button = e.submitter;
  const question = button && button.dataset.confirm;
  if (question && !window.confirm(question)) e.preventDefault();
});
// A button with data-print prints the page (the report as it will be published, for 领导审签 on paper or as PDF).
document.addEventListener('click', e => {
  if (e.target.closest('button[data-print]')) window.print();
});
