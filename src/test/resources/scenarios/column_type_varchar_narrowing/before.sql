CREATE TABLE person (id bigint PRIMARY KEY, nickname varchar(255), code varchar(10));
INSERT INTO person VALUES (1, 'ada', 'X1');
