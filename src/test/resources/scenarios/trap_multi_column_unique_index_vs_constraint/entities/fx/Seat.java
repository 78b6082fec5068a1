package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "seat", uniqueConstraints = @UniqueConstraint(name = "uq_seat_room_num", columnNames = {"room", "num"}))
public class Seat {
  @Id Long id;
  @Column(length = 20) String room;
  Integer num;
}
