package fx;

import jakarta.persistence.*;
import org.hibernate.annotations.ColumnDefault;

@Entity
@Table(name = "users")
public class User {
  @Id Long id;
  @Column(nullable = false) String email;
  @ColumnDefault("0") @Column(name = "login_count", nullable = false) int loginCount;
  @ColumnDefault("'en'") @Column(nullable = false, length = 8) String locale;
}
