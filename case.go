package trialwatch

import "time"

// Stage says what kind of court decision a case records.
type Stage string

// The stages of spec/trial-record.md.
const (
	StageVerdict Stage = "verdict"
	StageAppeal  Stage = "appeal"
	StageOngoing Stage = "ongoing"
)

// Case is one court decision about one or more defendants, as an article
// reports it. A nil pointer means the article does not state the fact; it is
// written as JSON null, never as "" or 0.
type Case struct {
	Stage             Stage    `json:"stage"`
	Court             *string  `json:"court"`
	Location          *string  `json:"location"`
	Country           *string  `json:"country"`
	DecisionDate      *string  `json:"decision_date"`
	Defendants        *int     `json:"defendants"`
	Convicted         *int     `json:"convicted"`
	Acquitted         *int     `json:"acquitted"`
	Imprisoned        *int     `json:"imprisoned"`
	Suspended         *int     `json:"suspended"`
	SentenceMinMonths *int     `json:"sentence_min_months"`
	SentenceMaxMonths *int     `json:"sentence_max_months"`
	Victims           *int     `json:"victims"`
	Charges           []string `json:"charges"`
	DefendantRole     *string  `json:"defendant_role"`
	// Evidence maps each filled key to the sentence it was read from.
	Evidence map[string]string `json:"evidence"`
	// Rules maps each filled key to the name of the rule that filled it.
	Rules map[string]string `json:"rules,omitempty"`
}

// ScoredFields are the keys of a case that extraction is judged on, in the
// order of the spec.
var ScoredFields = []string{
	"stage", "court", "location", "country", "decision_date",
	"defendants", "convicted", "acquitted", "imprisoned", "suspended",
	"sentence_min_months", "sentence_max_months", "victims",
}

// Ints returns the case's whole-number fields by JSON key, as pointers into
// the case, so code that treats them alike can range over them.
func (c *Case) Ints() map[string]**int {
	return map[string]**int{
		"defendants":          &c.Defendants,
		"convicted":           &c.Convicted,
		"acquitted":           &c.Acquitted,
		"imprisoned":          &c.Imprisoned,
		"suspended":           &c.Suspended,
		"sentence_min_months": &c.SentenceMinMonths,
		"sentence_max_months": &c.SentenceMaxMonths,
		"victims":             &c.Victims,
	}
}

// Strings returns the case's text fields by JSON key, as pointers into the
// case.
func (c *Case) Strings() map[string]**string {
	return map[string]**string{
		"court":          &c.Court,
		"location":       &c.Location,
		"country":        &c.Country,
		"decision_date":  &c.DecisionDate,
		"defendant_role": &c.DefendantRole,
	}
}

// Normalize makes the zero values of a case JSON-correct: charges and
// evidence are never null.
func (c *Case) Normalize() {
	if c.Charges == nil {
		c.Charges = []string{}
	}
	if c.Evidence == nil {
		c.Evidence = map[string]string{}
	}
}

// SourceRef names one article that reported a stored case.
type SourceRef struct {
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title"`
	Published string `json:"published"`
}

// FieldValue is one value a field took in one or more sources of a merged
// case.
type FieldValue struct {
	Value   any      `json:"value"`
	Sources []string `json:"sources"`
}

// StoredCase is a case as the store keeps it: the record plus its identity,
// when it was first and last seen, every article that reported it, and the
// fields on which those articles disagree.
type StoredCase struct {
	ID string `json:"id"`
	Case
	FirstSeen time.Time   `json:"first_seen"`
	Updated   time.Time   `json:"updated"`
	Sources   []SourceRef `json:"sources"`
	// Disputed lists, for each field on which sources disagree, the values
	// they gave; the case itself shows the value most of them agree on.
	Disputed map[string][]FieldValue `json:"disputed,omitempty"`
	// AppealOf is the id of the verdict an appeal decision reviews.
	AppealOf string `json:"appeal_of,omitempty"`
}

// Ptr returns a pointer to v; it keeps literals of optional fields short.
func Ptr[T any](v T) *T { return &v }
