package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "account", indexes = @Index(name = "ix_account_live", columnList = "email",
    options = "include (code) where deleted is false"))
public class Account {
  @Id Long id;
  String email;
  String code;
  Boolean deleted;
}
