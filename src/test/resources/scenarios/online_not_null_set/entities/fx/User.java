package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "users")
public class User {
  @Id Long id;
  @Column(nullable = false) String email;
}
