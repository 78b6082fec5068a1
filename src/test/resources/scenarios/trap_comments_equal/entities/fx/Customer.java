package fx;

import jakarta.persistence.*;
import org.hibernate.annotations.Comment;

@Entity
@Table(name = "customer", comment = "People who buy things")
public class Customer {
  @Id Long id;
  @Column(comment = "Primary e-mail") String email;
  @Comment("Region it's billed in") String region;
}
