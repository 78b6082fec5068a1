package fx;

import jakarta.persistence.*;
import java.time.LocalDate;

@Entity
@Table(name = "users")
public class User {
  @Id Long id;
  @Column(nullable = false) String email;
  @Column(name = "born_on", nullable = false) LocalDate bornOn;
}
