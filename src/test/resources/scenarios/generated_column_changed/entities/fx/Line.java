package fx;

import jakarta.persistence.*;
import org.hibernate.annotations.GeneratedColumn;

@Entity
@Table(name = "line")
public class Line {
  @Id Long id;
  Integer qty;
  Integer price;
  @GeneratedColumn("qty * price + 1") Integer total;
}
