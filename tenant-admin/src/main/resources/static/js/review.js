// The office's review page: choosing a cell (click or Enter) names it as the anchor of the next comment.
(function () {
  'use strict';
  const anchor = document.getElementById('anchor');
  if (!anchor) return;
  document.querySelectorAll('.report-review td[data-cell]').forEach(td => {
    const choose = () => {
      anchor.value = td.dataset.cell;
      document.querySelectorAll('.report-review td.chosen').forEach(c => c.classList.remove('chosen'));
      td.classList.add('chosen');
      document.getElementById('comment-body').focus();
    };
    td.addEventListener('click', choose);
    td.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); choose(); } });
  });
  document.querySelectorAll('.comments li[data-anchor]').forEach(li => {
    const td = document.querySelector('.report-review td[data-cell="' + CSS.escape(li.dataset.anchor) + '"]');
    if (td) td.classList.add('has-comment');
  });
})();
