-- V4 and the store until this version measured phase stays in whole hours on H2, where a cast to numeric without
-- a scale rounds to an integer (PostgreSQL keeps the digits). Measure every ended stay again, to the 4 decimals
-- the column holds. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 13+.
update pmo_phase_stay
set hours = cast((extract(epoch from left_at) - extract(epoch from entered_at)) / 3600.0 as numeric(19, 4))
where left_at is not null;
