CREATE TYPE grade AS ENUM ('B', 'D');
CREATE TABLE exam (id bigint PRIMARY KEY, grade grade);
INSERT INTO exam VALUES (1, 'B'), (2, 'D');
