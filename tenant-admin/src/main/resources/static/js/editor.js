// The report editor: debounced autosave (PATCH with If-Match through the console), findings from the server shown
// on the cells they name, a conflict view on 409 that never drops what the user typed, and paste of a block of
// cells copied from Excel or WPS. No consistency rule is computed here: the server decides, this only displays.
(function () {
  'use strict';
  const form = document.getElementById('editor');
  if (!form) return;
  const data = JSON.parse(document.getElementById('editor-data').textContent);
  const t = data.text;
  const english = document.documentElement.lang === 'en';
  const year = form.dataset.year;
  const editable = form.dataset.editable === 'true';
  let etag = form.dataset.etag;
  const meta = name => (document.querySelector('meta[name="' + name + '"]') || {}).content;
  const csrfHeader = meta('_csrf_header');
  const csrf = meta('_csrf');
  const status = document.getElementById('save-status');
  const rules = Object.fromEntries((data.rules || []).map(r => [r.id, r]));

  let pending = { cells: {}, narrative: {} };
  let timer = null;
  let saving = false;
  let conflict = null;
  const DELAY = 700;

  function setStatus(text, bad) {
    status.textContent = text;
    status.classList.toggle('bad', !!bad);
  }
  function format(text, value) { return text.replace('{0}', value); }
  function hasPending() { return Object.keys(pending.cells).length + Object.keys(pending.narrative).length > 0; }

  function cellInput(key) { return document.getElementById('cell-' + key); }
  function cellTd(key) { return form.querySelector('td[data-cell="' + CSS.escape(key) + '"]'); }

  // ---- autosave -----------------------------------------------------------------------------------------------
  function schedule() {
    setStatus(t.unsaved);
    clearTimeout(timer);
    timer = setTimeout(save, DELAY);
  }

  async function save() {
    if (conflict || !hasPending()) return;
    if (saving) { schedule(); return; }
    const sent = pending;
    pending = { cells: {}, narrative: {} };
    saving = true;
    setStatus(t.saving);
    try {
      const headers = { 'Content-Type': 'application/json', 'If-Match': etag, 'X-Console': 'fetch' };
      if (csrfHeader) headers[csrfHeader] = csrf;
      const response = await fetch('/reports/' + year + '/draft', {
        method: 'PATCH', headers: headers, body: JSON.stringify(sent), credentials: 'same-origin'
      });
      if (response.status === 401) { keep(sent); setStatus(t.signedOut, true); return; }
      const answer = await response.json().catch(() => ({}));
      if (response.ok) {
        etag = answer.etag;
        form.dataset.etag = etag;
        form.dataset.revision = answer.revision;
        showFindings(answer.findings || []);
        clearFieldErrors(sent);
        setStatus(format(t.saved, answer.revision));
        if (hasPending()) schedule();
      } else if (response.status === 409 && answer.current) {
        keep(sent);
        showConflict(answer);
      } else {
        keep(sent);
        setStatus(answer.message || t.failed, true);
        markFieldErrors(answer);
      }
    } catch (e) {
      keep(sent);
      setStatus(t.offline, true);
    } finally {
      saving = false;
    }
  }

  /** Puts edits that were not saved back, unless the user has typed something newer since. */
  function keep(sent) {
    for (const [k, v] of Object.entries(sent.cells)) if (!(k in pending.cells)) pending.cells[k] = v;
    for (const [k, v] of Object.entries(sent.narrative)) if (!(k in pending.narrative)) pending.narrative[k] = v;
  }

  function markFieldErrors(answer) {
    const paths = [];
    if (answer.field) paths.push(String(answer.field));
    (answer.errors || []).forEach(e => paths.push(String(e.field || e.path || e.pointer || '')));
    paths.forEach(p => {
      const key = p.replace(/^\/?cells[./]/, '').replace(/^cells\[['"]?|['"]?\]$/g, '');
      const input = cellInput(key);
      if (input) { input.setAttribute('aria-invalid', 'true'); input.closest('td').classList.add('input-error'); }
    });
  }
  function clearFieldErrors(sent) {
    Object.keys(sent.cells).forEach(k => {
      const input = cellInput(k);
      if (input && !input.closest('td').classList.contains('finding-error')) input.removeAttribute('aria-invalid');
      if (input) input.closest('td').classList.remove('input-error');
    });
  }

  form.addEventListener('input', e => {
    if (!editable) return;
    const el = e.target;
    if (el.matches('input.cell')) { pending.cells[el.name] = el.value; schedule(); }
    else if (el.matches('textarea.narrative')) { pending.narrative[el.name] = el.value; count(el); schedule(); }
  });
  form.addEventListener('focusout', () => { if (hasPending() && !saving) { clearTimeout(timer); timer = setTimeout(save, 150); } });
  window.addEventListener('beforeunload', e => { if (hasPending() || saving) { e.preventDefault(); } });

  function count(textarea) {
    const n = document.querySelector('#count-' + textarea.name + ' .n');
    if (n) n.textContent = Array.from(textarea.value).length;
  }

  // ---- findings on their cells ------------------------------------------------------------------------------
  function showFindings(findings) {
    form.querySelectorAll('.finding-error, .finding-warning, .finding-info').forEach(el => {
      el.classList.remove('finding-error', 'finding-warning', 'finding-info');
    });
    form.querySelectorAll('.cell-note').forEach(n => n.remove());
    form.querySelectorAll('input.cell[aria-describedby], textarea[data-finding]').forEach(i => {
      i.removeAttribute('aria-describedby'); i.removeAttribute('aria-invalid'); i.removeAttribute('data-finding');
    });
    const list = document.getElementById('findings');
    list.innerHTML = '';
    document.getElementById('findings-empty').hidden = findings.length > 0;
    const order = { error: 0, warning: 1, info: 2 };
    findings.slice().sort((a, b) => (order[sev(a)] ?? 3) - (order[sev(b)] ?? 3)).forEach(f => {
      const severity = sev(f);
      const message = english ? f.message_en : f.message_zh;
      const li = document.createElement('li');
      li.id = 'finding-' + f.id;
      li.className = 'finding sev-' + severity;
      li.dataset.rule = f.rule;
      const rule = rules[f.rule];
      const strong = document.createElement('strong');
      strong.textContent = (t[severity] || severity) + ' ';
      li.appendChild(strong);
      const text = document.createElement('span');
      text.textContent = message;
      li.appendChild(text);
      if (rule) {
        const details = document.createElement('details');
        const summary = document.createElement('summary');
        summary.textContent = english ? rule.title_en : rule.title_zh;
        details.appendChild(summary);
        const p = document.createElement('p');
        p.textContent = english ? rule.description_en : rule.description_zh;
        details.appendChild(p);
        li.appendChild(details);
      }
      const cells = (f.cells || []);
      if (cells.length) {
        const go = document.createElement('button');
        go.type = 'button';
        go.className = 'link';
        go.textContent = cells.slice(0, 3).join(', ') + (cells.length > 3 ? ' …' : '');
        go.addEventListener('click', () => focusKey(cells[0]));
        li.appendChild(go);
      }
      list.appendChild(li);
      cells.forEach(key => mark(key, severity, li.id, message));
    });
  }
  function sev(f) { return String(f.severity || '').toLowerCase(); }

  function mark(key, severity, describedBy, message) {
    const cls = 'finding-' + (severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'info');
    const td = cellTd(key);
    if (td) {
      td.classList.add(cls);
      const input = td.querySelector('input');
      if (input) {
        const ids = new Set((input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
        ids.add(describedBy);
        input.setAttribute('aria-describedby', Array.from(ids).join(' '));
        if (severity === 'error') input.setAttribute('aria-invalid', 'true');
        input.title = (input.getAttribute('aria-label') || '') + '\n' + message;
      }
      return;
    }
    const section = form.querySelector('[data-section="' + CSS.escape(key.split('.')[0]) + '"]');
    if (section && section.classList.contains('narrative')) {
      section.classList.add(cls);
      const area = section.querySelector('textarea');
      area.setAttribute('aria-describedby', 'count-' + area.name + ' ' + describedBy);
      area.setAttribute('data-finding', 'true');
    }
  }

  function focusKey(key) {
    const el = cellInput(key) || document.getElementById('narrative-' + key.split('.')[0]);
    if (el) { el.focus(); el.scrollIntoView({ block: 'center' }); }
  }

  // ---- the office's comments on their cells ----------------------------------------------------------------
  (data.comments || []).forEach(c => {
    const td = cellTd(c.anchor);
    const target = td || form.querySelector('[data-section="' + CSS.escape(String(c.anchor).split('.')[0]) + '"]');
    if (!target) return;
    target.classList.add('has-comment');
    const input = target.querySelector('input, textarea');
    if (input) {
      const ids = new Set((input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
      ids.add('comment-' + c.id);
      input.setAttribute('aria-describedby', Array.from(ids).join(' '));
      input.title = (input.title || input.getAttribute('aria-label') || '') + '\n' + t.comment + ': ' + c.body;
    }
  });

  // ---- conflict: theirs beside yours, nothing lost ------------------------------------------------------------
  function valueOf(report, key) {
    if (report.cells && key in report.cells) return String(report.cells[key]);
    return '';
  }
  function showConflict(answer) {
    conflict = answer;
    const current = answer.current;
    const conflicting = new Set(answer.conflicting || []);
    const rows = document.getElementById('conflict-rows');
    rows.innerHTML = '';
    // Cells the other person changed that this user did not touch simply take their value.
    form.querySelectorAll('input.cell').forEach(input => {
      if (!(input.name in pending.cells)) input.value = valueOf(current, input.name);
    });
    const add = (label, theirs, yours) => {
      const tr = document.createElement('tr');
      [label, theirs === '' ? t.blank : theirs, yours === '' ? t.blank : yours].forEach((text, i) => {
        const cell = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) cell.scope = 'row';
        cell.textContent = text;
        tr.appendChild(cell);
      });
      rows.appendChild(tr);
    };
    for (const [key, yours] of Object.entries(pending.cells)) {
      const theirs = valueOf(current, key);
      if (conflicting.has(key) || (answer.conflicting === undefined && theirs !== yours)) {
        const input = cellInput(key);
        add(input ? input.getAttribute('aria-label') : key, theirs, yours);
      }
    }
    for (const [key, yours] of Object.entries(pending.narrative)) {
      const theirs = (current.narrative || {})[key] || '';
      if (theirs !== yours) add(key, theirs.slice(0, 80), yours.slice(0, 80));
    }
    if (!rows.children.length) add('—', t.none, t.none);
    document.getElementById('conflict-message').textContent = answer.message;
    const box = document.getElementById('conflict');
    box.hidden = false;
    box.querySelector('button').focus();
    setStatus(answer.message, true);
  }
  document.getElementById('conflict-mine').addEventListener('click', () => {
    etag = conflict.currentEtag;
    conflict = null;
    document.getElementById('conflict').hidden = true;
    save();
  });
  document.getElementById('conflict-theirs').addEventListener('click', () => {
    const current = conflict.current;
    const conflicting = new Set(conflict.conflicting || Object.keys(pending.cells));
    for (const key of Object.keys(pending.cells)) {
      if (conflicting.has(key)) {
        const input = cellInput(key);
        if (input) input.value = valueOf(current, key);
        delete pending.cells[key];
      }
    }
    for (const key of Object.keys(pending.narrative)) {
      const area = document.getElementById('narrative-' + key);
      if (area) { area.value = (current.narrative || {})[key] || ''; count(area); }
      delete pending.narrative[key];
    }
    etag = conflict.currentEtag;
    conflict = null;
    document.getElementById('conflict').hidden = true;
    if (hasPending()) save(); else setStatus(t.kept);
  });

  // ---- paste a block of cells from a spreadsheet ------------------------------------------------------------
  form.addEventListener('paste', e => {
    const start = e.target;
    if (!editable || !start.matches('input.cell')) return;
    const text = (e.clipboardData || window.clipboardData).getData('text');
    if (!/[\t\n]/.test(text)) return;
    e.preventDefault();
    const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n').map(l => l.split('\t'));
    const rowsOfTable = Array.from(start.closest('table').querySelectorAll('tr'))
      .map(tr => Array.from(tr.querySelectorAll('input.cell'))).filter(r => r.length);
    const r0 = rowsOfTable.findIndex(r => r.includes(start));
    const c0 = rowsOfTable[r0].indexOf(start);
    let filled = 0;
    lines.forEach((values, i) => {
      const row = rowsOfTable[r0 + i];
      if (!row) return;
      values.forEach((value, j) => {
        const input = row[c0 + j];
        if (!input) return;
        input.value = value.trim().replace(/[,，\s]/g, '');
        pending.cells[input.name] = input.value;
        filled++;
      });
    });
    schedule();
    setStatus(format(t.pasted, filled));
  });

  showFindings(data.findings || []);
})();
