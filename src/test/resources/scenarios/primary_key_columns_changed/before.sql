CREATE TABLE membership (club_id bigint NOT NULL, person_id bigint NOT NULL, CONSTRAINT membership_pkey PRIMARY KEY (club_id));
INSERT INTO membership VALUES (10, 20);
