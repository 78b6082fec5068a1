package fx.q;

import jakarta.persistence.*;

@Entity
@Table(name = "`Order`")
public class Order {
  @Id Long id;
  @ManyToOne @JoinColumn(name = "user_id") User user;
  @Column(name = "select") String select;
}
