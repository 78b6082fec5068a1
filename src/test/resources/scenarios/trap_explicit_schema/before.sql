CREATE TABLE hr.department (id bigint PRIMARY KEY, name varchar(255) NOT NULL);
CREATE TABLE hr.employee (id bigint PRIMARY KEY, department_id bigint, name varchar(255));
ALTER TABLE hr.employee ADD CONSTRAINT fk_employee_department FOREIGN KEY (department_id) REFERENCES hr.department;
CREATE INDEX ix_employee_name ON hr.employee (name);
CREATE TABLE public.note (id bigint PRIMARY KEY, body text);
