CREATE TABLE seat (id bigint PRIMARY KEY, room varchar(20), num integer);
CREATE UNIQUE INDEX ux_seat_room_num ON seat (room, num);
