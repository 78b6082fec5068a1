package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "users")
public class User {
  @Id Long id;
  String email;
  @Column(nullable = false) String nickname;
}
