package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "tag")
public class Tag {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Integer id;
  String label;
}
