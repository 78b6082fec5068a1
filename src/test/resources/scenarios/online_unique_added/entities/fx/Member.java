package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "member", uniqueConstraints = @UniqueConstraint(name = "uq_member_club_num", columnNames = {"club", "num"}))
public class Member {
  @Id Long id;
  @Column(unique = true) String email;
  @Column(length = 40) String club;
  Integer num;
}
