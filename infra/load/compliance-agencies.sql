-- 991 departments added to jurisdiction wuhai of the scratch database, so that with the 9 agencies of the demo
-- city the office's compliance list has exactly 1,000 rows. Only core rows: the compliance endpoint reads
-- core.agency and core.report_state, never an agency schema, so no schema is provisioned for them (1,000
-- provisionings would take most of an hour here and measure nothing the endpoint does).
-- :year is the report year the benchmark asks for; its deadline (31 January of the next year) has passed, so
-- every state of the compliance column occurs: ON_TIME, LATE, OVERDUE.
INSERT INTO core.agency (slug, name_zh, kind, jurisdiction_slug, status)
SELECT format('wuhai-bench-%s', lpad(i::text, 4, '0')), format('乌海市基准测试第%s局', i), 'DEPARTMENT', 'wuhai',
       CASE WHEN i % 97 = 0 THEN 'SUSPENDED' ELSE 'ACTIVE' END
FROM generate_series(1, 991) AS i;

-- One report_state row per agency except every 20th (status NONE in the list): 60 % published (a tenth of them
-- late, a third without their own-site URL, some corrected), the rest approved, submitted, returned or drafting.
INSERT INTO core.report_state (agency_slug, year, jurisdiction_slug, status, last_action, status_at, report_revision,
                               errors, warnings, unexplained_warnings, drafted_at, submitted_at, first_submitted_at,
                               returned_at, returns, return_reason, approved_at, first_published_at,
                               last_published_at, published_revision, corrections, deadline, late, imported,
                               website_url, version)
-- A corrected report is PUBLISHED again (revision 2, one correction): there is no CORRECTED status.
SELECT slug, :year, 'wuhai', CASE status WHEN 'CORRECTED' THEN 'PUBLISHED' ELSE status END,
       CASE status WHEN 'PUBLISHED' THEN 'publish' WHEN 'CORRECTED' THEN 'publish' WHEN 'APPROVED' THEN 'approve'
                   WHEN 'SUBMITTED' THEN 'submit' WHEN 'RETURNED' THEN 'return' ELSE 'save' END,
       base + interval '20 days', 3 + i % 5, CASE WHEN i % 7 = 0 THEN 1 ELSE 0 END, i % 4, i % 2,
       base - interval '30 days',
       CASE WHEN status <> 'DRAFT' THEN base END, CASE WHEN status <> 'DRAFT' THEN base - interval '3 days' END,
       CASE WHEN status = 'RETURNED' THEN base + interval '2 days' END, CASE WHEN status = 'RETURNED' THEN 1 ELSE 0 END,
       CASE WHEN status = 'RETURNED' THEN '第三部分数据不平衡，请核实后重新报送' END,
       CASE WHEN status IN ('APPROVED', 'PUBLISHED', 'CORRECTED') THEN base + interval '5 days' END,
       CASE WHEN published THEN base + interval '10 days' + CASE WHEN i % 10 = 0 THEN interval '40 days' ELSE interval '0' END END,
       CASE WHEN published THEN base + interval '12 days' + CASE WHEN i % 10 = 0 THEN interval '40 days' ELSE interval '0' END END,
       CASE WHEN status = 'CORRECTED' THEN 2 WHEN published THEN 1 END,
       CASE WHEN status = 'CORRECTED' THEN 1 ELSE 0 END,
       make_date(:year + 1, 1, 31), published AND i % 10 = 0, i % 11 = 0,
       CASE WHEN published AND i % 3 <> 0 THEN format('https://www.wuhai.gov.cn/zwgk/ndbg/%s/%s.html', :year, slug) END,
       CASE WHEN published THEN 2 ELSE 1 END
FROM (SELECT i, format('wuhai-bench-%s', lpad(i::text, 4, '0')) AS slug,
             make_timestamptz(:year + 1, 1, 5, 9, 0, 0, 'Asia/Shanghai') + (i % 9) * interval '1 day' AS base,
             s.status, s.status IN ('PUBLISHED', 'CORRECTED') AS published
      FROM generate_series(1, 991) AS i
      CROSS JOIN LATERAL (SELECT CASE WHEN i % 10 < 5 THEN 'PUBLISHED' WHEN i % 10 = 5 THEN 'CORRECTED'
                                      WHEN i % 10 = 6 THEN 'APPROVED' WHEN i % 10 = 7 THEN 'SUBMITTED'
                                      WHEN i % 10 = 8 THEN 'RETURNED' ELSE 'DRAFT' END AS status) AS s
      WHERE i % 20 <> 0) AS seed;
