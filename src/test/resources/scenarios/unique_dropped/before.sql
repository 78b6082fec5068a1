CREATE TABLE member (id bigint PRIMARY KEY, email varchar(255) UNIQUE, club varchar(40), num integer,
  CONSTRAINT uq_member_club_num UNIQUE (club, num));
