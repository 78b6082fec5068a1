package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "member")
public class Member {
  @Id Long id;
  String email;
  @Column(length = 40) String club;
  Integer num;
}
