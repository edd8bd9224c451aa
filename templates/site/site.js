// ledger site: optional enhancements. Every page is complete without this script;
// it only adds sorting (click a column header), filtering (the box above a table) and search.
(function () {
  'use strict';

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return '';
    return cell.getAttribute('data-sort-value') || cell.textContent.trim();
  }

  function compare(a, b) {
    var x = parseFloat(a);
    var y = parseFloat(b);
    if (!isNaN(x) && !isNaN(y) && /^-?[\d.]+%?$/.test(a) && /^-?[\d.]+%?$/.test(b)) return x - y;
    return a.localeCompare(b, 'zh-CN', { numeric: true });
  }

  function makeSortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, index) {
      th.setAttribute('data-sort', '');
      th.setAttribute('tabindex', '0');
      th.title = '点击排序';
      function sort() {
        var body = table.tBodies[0];
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function (other) {
          other.removeAttribute('aria-sort');
        });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var rows = Array.prototype.slice.call(body.rows).filter(function (r) {
          return !r.classList.contains('total');
        });
        rows.sort(function (a, b) {
          var order = compare(cellValue(a, index), cellValue(b, index));
          return ascending ? order : -order;
        });
        rows.forEach(function (r) {
          body.insertBefore(r, body.querySelector('tr.total'));
        });
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (event) {
        if (event.key === 'Enter') sort();
      });
    });
  }

  // A word like 1.1.2 or 1.1 is an id: it matches that measure, or every measure under that task or area.
  function matches(row, words) {
    var text = (row.getAttribute('data-search') || row.textContent).toLowerCase();
    var id = row.getAttribute('data-id');
    return words.every(function (word) {
      if (id && /^\d+(\.\d+)*\.?$/.test(word)) {
        var stem = word.replace(/\.$/, '');
        return id === stem || id.indexOf(stem + '.') === 0;
      }
      return text.indexOf(word) >= 0;
    });
  }

  function filterTable(table, query, counter) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var visible = words.length === 0 || matches(row, words);
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    if (counter) counter.textContent = words.length ? '找到 ' + shown + ' 项' : '';
  }

  function addFilter(table) {
    var box = document.createElement('div');
    box.className = 'filter';
    var input = document.createElement('input');
    input.type = 'search';
    input.placeholder = '筛选本表（输入编号、文字或单位）';
    input.setAttribute('aria-label', '筛选本表');
    var counter = document.createElement('span');
    counter.className = 'search-results-count';
    box.appendChild(input);
    box.appendChild(document.createTextNode(' '));
    box.appendChild(counter);
    var wrap = table.closest('.table-wrap') || table;
    wrap.parentNode.insertBefore(box, wrap);
    input.addEventListener('input', function () {
      filterTable(table, input.value, counter);
    });
  }

  function setUpSearch() {
    var table = document.getElementById('search-table');
    if (!table) return;
    var input = document.getElementById('search-q');
    var counter = document.getElementById('search-count');
    var query = new URLSearchParams(window.location.search).get('q') || '';
    input.value = query;
    filterTable(table, query, counter);
    input.addEventListener('input', function () {
      filterTable(table, input.value, counter);
    });
  }

  document.querySelectorAll('table.sortable').forEach(makeSortable);
  document.querySelectorAll('table.filterable').forEach(addFilter);
  setUpSearch();
})();
