package fx;

import jakarta.persistence.*;
import org.hibernate.annotations.Comment;

@Entity
@Table(name = "customer")
public class Customer {
  @Id Long id;
  @Column(comment = "Primary e-mail") String email;
  @Comment("Mobile, with country code") String phone;
  String fax;
}
