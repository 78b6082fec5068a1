package fx;

import jakarta.persistence.*;

@Entity
@Table(indexes = @Index(name = "ix_member_handle", columnList = "handle", unique = true))
public class Member {
  @Id Long id;
  @Column(unique = true) String email;
  String handle;
}
