package fx.q;

import jakarta.persistence.*;

/** Reserved words and mixed case, quoted by Hibernate where the application needs it. */
@Entity
@Table(name = "user")
public class User {
  @Id Long id;
  @Column(name = "order") Integer order;
  @Column(name = "group") String group;
  @Column(name = "`MixedCase`") String mixed;
  @Column(name = "\"with space\"") String spaced;
}
