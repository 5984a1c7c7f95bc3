-- The staging table of scoring runs gets row-level security like every other table with an
-- organization: a run's rows are now written by INSERT as the application role with its
-- organization set (PostgreSQL refuses COPY FROM into a table with row-level security unless
-- the copier is a superuser), and cleaned up by the system role.
select orientir_protect('customer_value_staging');
