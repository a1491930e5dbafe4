-- One running lifecycle per project. The engine accepts any number of instances with one business key; this row,
-- written in the transaction that starts a projectLifecycle instance (and removed when it ends), refuses a second
-- one for the same project, also when two nodes start it at the same moment (the primary key decides).
create table pmo_lifecycle_instance (
  project_key          varchar(20)  primary key references pmo_project (project_key),
  process_instance_id  varchar(64)  not null,
  started_at           timestamp    not null
);
