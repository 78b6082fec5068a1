-- Built by another tool, without the checks Hibernate guards enum columns with.
CREATE TABLE ticket (
  id bigint PRIMARY KEY,
  priority smallint,
  status varchar(255),
  channel varchar(255)
);
INSERT INTO ticket VALUES (1, 2, 'OPEN', 'MAIL');
