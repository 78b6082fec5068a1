package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "item")
public class Item {
  @Id Long id;
  String name;
}
