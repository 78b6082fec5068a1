<#-- Retort's override: JPA annotations on the getters, as Hibernate Tools writes them, laid out
     four spaces in. -->
<#list pojo.getAllPropertiesIterator() as property>
<#if pojo.getMetaAttribAsBool(property, "gen-property", true)>

<#include "Ejb3PropertyGetAnnotation.ftl"/>
    ${pojo.getPropertyGetModifiers(property)} ${pojo.getJavaTypeName(property, jdk5)} ${pojo.getGetterSignature(property)}() {
        return this.${c2j.keyWordCheck(property.name)};
    }

    ${pojo.getPropertySetModifiers(property)} void set${pojo.getPropertyName(property)}(${pojo.getJavaTypeName(property, jdk5)} ${c2j.keyWordCheck(property.name)}) {
        this.${c2j.keyWordCheck(property.name)} = ${c2j.keyWordCheck(property.name)};
    }
</#if>
</#list>
