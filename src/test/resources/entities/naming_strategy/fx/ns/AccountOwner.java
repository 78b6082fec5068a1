package fx.ns;

import jakarta.persistence.*;

@Entity
public class AccountOwner {
  @Id Long id;
  String fullName;
}
