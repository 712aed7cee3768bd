// The report editor: debounced autosave (PATCH with If-Match through the console), findings from the server shown
// on the cells they name, a conflict view on 409 that never drops what the user typed, paste of a block of cells
// copied from Excel or WPS, and Enter/arrow keys between cells. No rule is computed here: the console says which
// typed values cannot be a cell's, the service decides the rest, this only displays. Everything typed and not yet
// saved is kept in localStorage (per agency and year) until the server has it, so a reload or a crash loses nothing.
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
  // Cells whose typed value the console refused: key → message shown beside the cell until the value changes.
  const invalid = {};
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
  function invalidCount() { return Object.keys(invalid).length; }

  // ---- what is typed and not saved, kept across reloads ------------------------------------------------------
  const storeKey = 'gongkai.unsaved.' + (form.dataset.agency || '') + '.' + year;
  function readStore() {
    try { return JSON.parse(localStorage.getItem(storeKey)) || null; } catch (e) { return null; }
  }
  let local = readStore() || { etag: etag, cells: {}, narrative: {} };
  function persist() {
    try {
      if (Object.keys(local.cells).length + Object.keys(local.narrative).length === 0) localStorage.removeItem(storeKey);
      else localStorage.setItem(storeKey, JSON.stringify(local));
    } catch (e) { /* storage full or disabled: the page still holds the input */ }
  }
  function remember(kind, key, value) {
    if (Object.keys(local.cells).length + Object.keys(local.narrative).length === 0) local.etag = etag;
    local[kind][key] = value;
    persist();
  }
  /** Forgets what the server now holds; what it refused stays remembered. */
  function forget(sent, refused) {
    for (const [k, v] of Object.entries(sent.cells)) if (!(k in refused) && local.cells[k] === v) delete local.cells[k];
    for (const [k, v] of Object.entries(sent.narrative)) if (local.narrative[k] === v) delete local.narrative[k];
    local.etag = etag;
    persist();
  }

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
        if (answer.revision) {
          etag = answer.etag;
          form.dataset.etag = etag;
          form.dataset.revision = answer.revision;
          showFindings(answer.findings || []);
        } else {
          // Nothing was sent to the service (every value was refused here): the page's revision still holds.
          etag = form.dataset.etag;
        }
        const refused = answer.invalid || {};
        Object.keys(sent.cells).forEach(k => { if (k in refused) markInvalid(k, refused[k]); else clearInvalid(k); });
        forget(sent, refused);
        // After forget(): a total just saved is no longer waiting here, so its offer (if any) may show.
        if (answer.revision) offerTotals(answer.totals || []);
        showSaved();
        if (hasPending()) schedule();
      } else if (response.status === 409 && answer.current) {
        keep(sent);
        showConflict(answer);
      } else {
        keep(sent);
        setStatus(answer.message || t.failed, true);
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

  function showSaved() {
    const text = format(t.saved, form.dataset.revision);
    setStatus(invalidCount() ? text + format(t.invalid, invalidCount()) : text, invalidCount() > 0);
  }

  function describe(input, id, on) {
    const ids = new Set((input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
    if (on) ids.add(id); else ids.delete(id);
    if (ids.size) input.setAttribute('aria-describedby', Array.from(ids).join(' '));
    else input.removeAttribute('aria-describedby');
  }
  function errorId(key) { return 'cell-error-' + key; }
  /** The refused value stays in its cell, marked, with the reason beside it. */
  function markInvalid(key, message) {
    invalid[key] = message;
    const input = cellInput(key);
    if (!input) return;
    const td = input.closest('td');
    td.classList.add('input-error');
    input.setAttribute('aria-invalid', 'true');
    let note = document.getElementById(errorId(key));
    if (!note) {
      note = document.createElement('span');
      note.className = 'cell-error';
      note.id = errorId(key);
      td.appendChild(note);
    }
    note.textContent = message;
    describe(input, note.id, true);
  }
  function clearInvalid(key) {
    delete invalid[key];
    const input = cellInput(key);
    if (!input) return;
    input.closest('td').classList.remove('input-error');
    const note = document.getElementById(errorId(key));
    if (note) note.remove();
    describe(input, errorId(key), false);
    if (!input.closest('td').classList.contains('finding-error')) input.removeAttribute('aria-invalid');
  }

  form.addEventListener('input', e => {
    if (!editable) return;
    const el = e.target;
    if (el.matches('input.cell')) {
      pending.cells[el.name] = el.value; remember('cells', el.name, el.value); withdrawTotals(); schedule();
    }
    else if (el.matches('textarea.narrative')) {
      pending.narrative[el.name] = el.value; remember('narrative', el.name, el.value); count(el); schedule();
    }
  });
  form.addEventListener('focusout', () => { if (hasPending() && !saving) { clearTimeout(timer); timer = setTimeout(save, 150); } });
  // Leaving with input the server does not hold (waiting, saving or refused) asks first; the input is kept anyway.
  window.addEventListener('beforeunload', e => {
    if (hasPending() || saving || invalidCount() || conflict) { e.preventDefault(); e.returnValue = ''; }
  });

  function count(textarea) {
    const n = document.querySelector('#count-' + textarea.name + ' .n');
    if (n) n.textContent = Array.from(textarea.value).length;
  }

  // ---- findings on their cells ------------------------------------------------------------------------------
  // Until the clerk asks for a check (or the submit page does), what is not filled yet is work to do, not an error.
  const UNFILLED = new Set(['CELL_MISSING', 'NARRATIVE_MISSING']);
  let checking = new URLSearchParams(location.search).has('check');
  let lastFindings = [];
  // A wrong sum is the total's fault as far as the clerk can see: mark that cell; the message names the parts.
  const TOTAL_AT = { S3_ROW_TOTAL: cells => cells.slice(-1), S4_TOTAL: cells => cells.slice(-1), S3_HANDLED_SUM: cells => cells.slice(0, 1) };
  function targets(f) { return (TOTAL_AT[f.rule] || (cells => cells))(f.cells || []); }
  document.getElementById('check-all').addEventListener('click', () => {
    checking = true;
    showFindings(lastFindings);
    const first = document.querySelector('#findings li');
    if (first) first.scrollIntoView({ block: 'nearest' });
  });

  // ---- the findings panel: beside the form on wide screens, a drawer from the save bar on narrow ones ---------------
  const panel = document.getElementById('findings-panel');
  const toggle = document.getElementById('findings-toggle');
  let lastField = null;
  form.addEventListener('focusin', e => {
    if (e.target.matches('input.cell, textarea.narrative')) { lastField = e.target; uncover(lastField); }
  });
  /** The drawer covers the bottom of the window: the field being typed in is kept above it. */
  function drawerTop() {
    return panel.classList.contains('open') && getComputedStyle(panel).position === 'fixed'
      ? panel.getBoundingClientRect().top : Infinity;
  }
  function uncover(field) {
    const top = drawerTop();
    if (!field || top === Infinity) return;
    const r = field.getBoundingClientRect();
    if (r.bottom > top - 8) window.scrollBy(0, r.bottom - top + 8 + r.height);
  }
  function openPanel(open) {
    panel.classList.toggle('open', open);
    toggle.setAttribute('aria-expanded', String(open));
    const top = drawerTop();
    document.documentElement.style.scrollPaddingBottom = top === Infinity ? '' : (window.innerHeight - top) + 'px';
    if (open) uncover(lastField);
  }
  toggle.addEventListener('click', () => openPanel(!panel.classList.contains('open')));
  document.getElementById('findings-close').addEventListener('click', () => { openPanel(false); toggle.focus(); });
  panel.addEventListener('keydown', e => {
    if (e.key === 'Escape' && panel.classList.contains('open')) { openPanel(false); toggle.focus(); }
  });
  /**
   * The counts in words, announced (role=status) only when they change, never the whole list after each save (nor
   * the cells still to fill, which change with every keystroke and have their own line).
   */
  function summarize(findings) {
    const counts = { error: 0, warning: 0, info: 0 };
    findings.forEach(f => { if (sev(f) in counts) counts[sev(f)]++; });
    const parts = ['error', 'warning', 'info'].filter(s => counts[s]).map(s => t[s] + ' ' + counts[s]);
    const text = parts.join(english ? ', ' : '，');
    const summary = document.getElementById('findings-summary');
    if (summary.textContent !== text) summary.textContent = text;
    document.getElementById('findings-count').textContent = findings.length ? String(findings.length) : '';
  }

  function showFindings(all) {
    lastFindings = all;
    const toFill = checking ? [] : all.filter(f => UNFILLED.has(f.rule));
    const findings = checking ? all : all.filter(f => !UNFILLED.has(f.rule));
    form.querySelectorAll('td.to-fill, section.to-fill').forEach(el => el.classList.remove('to-fill'));
    toFill.forEach(f => (f.cells || []).forEach(key => {
      const el = cellTd(key) || form.querySelector('section.narrative[data-section="' + CSS.escape(key) + '"]');
      if (el) el.classList.add('to-fill');
    }));
    const summary = document.getElementById('to-fill');
    const open = toFill.reduce((n, f) => n + (f.cells || []).length, 0);
    summary.hidden = open === 0;
    summary.querySelector('.n').textContent = format(t.toFill, open);
    form.querySelectorAll('.finding-error, .finding-warning, .finding-info').forEach(el => {
      el.classList.remove('finding-error', 'finding-warning', 'finding-info');
    });
    form.querySelectorAll('.cell-note').forEach(n => n.remove());
    form.querySelectorAll('input.cell[aria-describedby], textarea[data-finding]').forEach(i => {
      (i.getAttribute('aria-describedby') || '').split(' ').filter(id => id.startsWith('finding-'))
        .forEach(id => describe(i, id, false));
      if (!(i.name in invalid)) i.removeAttribute('aria-invalid');
      i.removeAttribute('data-finding');
    });
    const list = document.getElementById('findings');
    list.innerHTML = '';
    document.getElementById('findings-empty').hidden = findings.length + open > 0;
    summarize(findings);
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
      const cells = targets(f);
      if (cells.length) {
        const go = document.createElement('button');
        go.type = 'button';
        go.className = 'link';
        go.textContent = cells.slice(0, 3).map(nameOf).join('、') + (cells.length > 3 ? ' …' : '');
        go.addEventListener('click', () => focusKey(cells[0]));
        li.appendChild(go);
      }
      list.appendChild(li);
      cells.forEach(key => mark(key, severity, li.id, message));
    });
  }
  function sev(f) { return String(f.severity || '').toLowerCase(); }
  /** A cell or section as the page names it (the input's label, the section's title), never its key. */
  function nameOf(key) {
    const input = cellInput(key);
    if (input) return input.getAttribute('aria-label');
    const title = document.getElementById(String(key).split('.')[0] + '-title');
    return title ? title.textContent : '';
  }

  function mark(key, severity, describedBy, message) {
    const cls = 'finding-' + (severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'info');
    const td = cellTd(key);
    if (td) {
      td.classList.add(cls);
      const input = td.querySelector('input');
      if (input) {
        describe(input, describedBy, true);
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

  // ---- totals offered, never written: 「填入合计 5」 beside a total cell that is blank or disagrees with its parts ----
  // The service says which totals and what their parts add up to (the rules' own sums), and for 结转下年度 what the
  // column's balance leaves (「填入结转 2」, kind CARRY_FORWARD); one click, or Enter on the button Tab reaches after
  // the cell, writes it through the same autosave as typing would.
  function withdrawTotals() { form.querySelectorAll('button.fill-total').forEach(b => b.remove()); }
  function offerTotals(offers) {
    withdrawTotals();
    if (!editable) return;
    offers.forEach(offer => {
      const input = cellInput(offer.cell);
      if (!input || offer.cell in pending.cells || offer.cell in local.cells || offer.cell in invalid) return;
      const sum = String(offer.sum);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link fill-total';
      const carry = offer.kind === 'CARRY_FORWARD';
      button.textContent = format(carry ? t.fillCarryForward : t.fillTotal, sum);
      button.setAttribute('aria-label', format(carry ? t.fillCarryForwardAt : t.fillTotalAt, sum)
        .replace('{1}', input.getAttribute('aria-label')));
      button.addEventListener('click', () => {
        input.value = sum;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.focus();
      });
      input.closest('td').appendChild(button);
    });
  }

  // ---- the office's comments at their cells: a button beside the cell opens the comment in place -------------------
  // Resolved comments leave the cells; the list shows them on request.
  (data.comments || []).filter(c => c.open).forEach(c => {
    const td = cellTd(c.anchor);
    const target = td || form.querySelector('[data-section="' + CSS.escape(String(c.anchor).split('.')[0]) + '"]');
    const thread = document.getElementById('comment-' + c.id);
    if (!target || !thread) return;
    target.classList.add('has-comment');
    const input = target.querySelector('input, textarea');
    if (input) describe(input, 'comment-' + c.id, true);
    const marker = document.createElement('button');
    marker.type = 'button';
    marker.className = 'comment-marker';
    marker.id = 'comment-marker-' + c.id;
    marker.setAttribute('aria-expanded', 'false');
    marker.setAttribute('aria-controls', 'comment-popover-' + c.id);
    marker.setAttribute('aria-label', format(t.atCell, input ? input.getAttribute('aria-label') : nameOf(c.anchor)));
    marker.textContent = t.marker;
    // The popover is the thread itself as the list shows it (body, author, replies, reply and resolve), in place.
    const popover = document.createElement('div');
    thread.childNodes.forEach(node => popover.appendChild(node.cloneNode(true)));
    popover.hidden = true;
    popover.id = 'comment-popover-' + c.id;
    popover.className = 'comment comment-popover';
    popover.setAttribute('role', 'group');
    popover.setAttribute('aria-labelledby', marker.id);
    popover.querySelector('a.anchor').remove();
    const show = open => {
      popover.hidden = !open;
      marker.setAttribute('aria-expanded', String(open));
    };
    marker.addEventListener('click', () => show(popover.hidden));
    popover.addEventListener('keydown', e => { if (e.key === 'Escape') { show(false); marker.focus(); } });
    marker.addEventListener('keydown', e => { if (e.key === 'Escape') show(false); });
    const place = td || target;
    place.appendChild(marker);
    place.appendChild(popover);
  });
  const showResolved = document.getElementById('show-resolved');
  if (showResolved) {
    const label = showResolved.textContent;
    showResolved.addEventListener('click', () => {
      const on = showResolved.getAttribute('aria-pressed') !== 'true';
      showResolved.setAttribute('aria-pressed', String(on));
      showResolved.textContent = on ? t.hideResolved : label;
      document.querySelectorAll('.comments > li.resolved').forEach(li => { li.hidden = !on; });
    });
  }

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
    form.dataset.etag = etag;
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
        delete local.cells[key];
      }
    }
    for (const key of Object.keys(pending.narrative)) {
      const area = document.getElementById('narrative-' + key);
      if (area) { area.value = (current.narrative || {})[key] || ''; count(area); }
      delete pending.narrative[key];
      delete local.narrative[key];
    }
    etag = conflict.currentEtag;
    form.dataset.etag = etag;
    local.etag = etag;
    persist();
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
        remember('cells', input.name, input.value);
        filled++;
      });
    });
    schedule();
    setStatus(format(t.pasted, filled));
  });

  // ---- Enter and the arrow keys move between cells, as in Excel and WPS; Tab keeps its row-wise order ------------
  function grid(input) {
    return Array.from(input.closest('table').querySelectorAll('tr'))
      .map(tr => Array.from(tr.querySelectorAll('input.cell'))).filter(r => r.length);
  }
  form.addEventListener('keydown', e => {
    const input = e.target;
    if (!input.matches('input.cell') || e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
    const rows = grid(input);
    const r = rows.findIndex(row => row.includes(input));
    const c = rows[r].indexOf(input);
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    let target = null;
    if (e.key === 'Enter' || e.key === 'ArrowDown') target = (rows[r + (e.key === 'Enter' && e.shiftKey ? -1 : 1)] || [])[c];
    else if (e.key === 'ArrowUp') target = (rows[r - 1] || [])[c];
    else if (e.key === 'ArrowLeft' && atStart) target = rows[r][c - 1];
    else if (e.key === 'ArrowRight' && atEnd) target = rows[r][c + 1];
    else return;
    if (e.key === 'Enter') e.preventDefault();
    if (target) {
      e.preventDefault();
      target.focus();
      target.select();
    }
  });

  showFindings(data.findings || []);

  // ---- put back what was typed here and not saved (a reload, a crash, a closed tab) -----------------------------
  if (editable) {
    for (const [key, value] of Object.entries(local.cells)) {
      const input = cellInput(key);
      if (!input) { delete local.cells[key]; continue; }
      if (input.value !== value) { input.value = value; pending.cells[key] = value; }
      else delete local.cells[key];
    }
    for (const [key, value] of Object.entries(local.narrative)) {
      const area = document.getElementById('narrative-' + key);
      if (!area) { delete local.narrative[key]; continue; }
      if (area.value !== value) { area.value = value; count(area); pending.narrative[key] = value; }
      else delete local.narrative[key];
    }
    persist();
    if (hasPending()) {
      // Typed against an older revision: sending it from there lets the conflict view show what changed since.
      if (local.etag) etag = local.etag;
      setStatus(t.restored);
      save();
    }
  }
  offerTotals(data.totals || []);
})();
