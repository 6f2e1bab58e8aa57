package rules

import "reflect"

var reflectFacts = reflect.TypeOf(Facts{})
