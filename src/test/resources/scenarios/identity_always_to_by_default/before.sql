CREATE TABLE ticket (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title varchar(255));
INSERT INTO ticket (title) VALUES ('first');
