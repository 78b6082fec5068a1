package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "account", uniqueConstraints = @UniqueConstraint(name = "uq_account_code_region", columnNames = {"code", "region"}))
public class Account {
  @Id Long id;
  String code;
  String region;
}
