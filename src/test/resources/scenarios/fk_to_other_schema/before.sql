CREATE TABLE hr.department (id bigint PRIMARY KEY, name varchar(255));
CREATE TABLE public.badge (id bigint PRIMARY KEY, department_id bigint);
