CREATE TABLE memo (id bigint PRIMARY KEY, title varchar, body text);
