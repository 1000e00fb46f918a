package org.hms.clinical.encounter;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A ward of the hospital; its beds are {@link Bed}s. */
@Entity
@Table(name = "ward")
@NamedQuery(name = "Ward.all", query = "from Ward order by code")
public class Ward {

    @Id
    public String code;

    public String name;
}
