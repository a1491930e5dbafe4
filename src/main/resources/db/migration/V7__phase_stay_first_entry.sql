-- The phase funnel counts the projects that ever entered a phase. A project enters EXECUTION and CLOSURE again
-- after an acceptance gate's recycle, so counting stays needs a distinct count over every stay, which is the
-- slowest part of /api/portfolio/breakdown at 100,000 projects (docs/benchmarks.md). The first stay of a project
-- in a phase is marked instead, and the funnel counts marked stays.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 13+.
alter table pmo_phase_stay add column first_entry boolean default true not null;
update pmo_phase_stay s set first_entry = false
where exists (select 1 from pmo_phase_stay e where e.project_key = s.project_key and e.phase = s.phase and e.id < s.id);
create index pmo_phase_stay_first_idx on pmo_phase_stay (first_entry, phase);
