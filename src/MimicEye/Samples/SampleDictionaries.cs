namespace MimicEye.Samples;

sealed record LabItem(int ItemId, string Label, string Fluid, string Category, string? Uom, double Low, double High, int Decimals);

sealed record ChartItem(int ItemId, string Label, string Abbreviation, string LinksTo, string Category, string? Unit, string ParamType, double Low, double High, int Decimals);

sealed record Code(string Id, int Version, string Title);

/// <summary>Small made-up dictionaries in the shape of MIMIC-IV's d_* tables: enough items for the event
/// tables to refer to, with the text traps of the real ones (commas in titles, a space-padded HCPCS code).</summary>
static class SampleDictionaries
{
    public static readonly LabItem[] Lab =
    [
        new(50862, "Albumin", "Blood", "Chemistry", "g/dL", 2.0, 5.2, 1),
        new(50868, "Anion Gap", "Blood", "Chemistry", "mEq/L", 6, 24, 0),
        new(50882, "Bicarbonate", "Blood", "Chemistry", "mEq/L", 14, 34, 0),
        new(50902, "Chloride", "Blood", "Chemistry", "mEq/L", 90, 112, 0),
        new(50912, "Creatinine", "Blood", "Chemistry", "mg/dL", 0.4, 4.5, 1),
        new(50931, "Glucose", "Blood", "Chemistry", "mg/dL", 60, 320, 0),
        new(50960, "Magnesium", "Blood", "Chemistry", "mg/dL", 1.3, 2.9, 1),
        new(50971, "Potassium", "Blood", "Chemistry", "mEq/L", 2.9, 6.1, 1),
        new(50983, "Sodium", "Blood", "Chemistry", "mEq/L", 124, 150, 0),
        new(51006, "Urea Nitrogen", "Blood", "Chemistry", "mg/dL", 5, 80, 0),
        new(51221, "Hematocrit", "Blood", "Hematology", "%", 21, 52, 1),
        new(51222, "Hemoglobin", "Blood", "Hematology", "g/dL", 7, 17, 1),
        new(51265, "Platelet Count", "Blood", "Hematology", "K/uL", 40, 450, 0),
        new(51277, "RDW", "Blood", "Hematology", "%", 11, 20, 1),
        new(51301, "White Blood Cells", "Blood", "Hematology", "K/uL", 2.1, 24, 1),
        new(50813, "Lactate", "Blood", "Blood Gas", "mmol/L", 0.5, 6.5, 1),
        new(50820, "pH", "Blood", "Blood Gas", "units", 7.1, 7.6, 2),
        new(51491, "pH", "Urine", "Hematology", "units", 5, 8.5, 1),
        new(51514, "Urobilinogen", "Urine", "Hematology", null, 0, 0, 0),
        new(52033, "Specimen Type", "Blood", "Blood Gas", null, 0, 0, 0),
    ];

    public static readonly ChartItem[] Chart =
    [
        new(220045, "Heart Rate", "HR", "chartevents", "Routine Vital Signs", "bpm", "Numeric", 50, 140, 0),
        new(220179, "Non Invasive Blood Pressure systolic", "NBPs", "chartevents", "Routine Vital Signs", "mmHg", "Numeric", 80, 180, 0),
        new(220180, "Non Invasive Blood Pressure diastolic", "NBPd", "chartevents", "Routine Vital Signs", "mmHg", "Numeric", 40, 100, 0),
        new(220210, "Respiratory Rate", "RR", "chartevents", "Respiratory", "insp/min", "Numeric", 10, 35, 0),
        new(220277, "O2 saturation pulseoxymetry", "SpO2", "chartevents", "Respiratory", "%", "Numeric", 85, 100, 0),
        new(223761, "Temperature Fahrenheit", "Temperature F", "chartevents", "Routine Vital Signs", "°F", "Numeric", 96.5, 103, 1),
        new(220739, "GCS - Eye Opening", "GCS - Eye Opening", "chartevents", "Neurological", null, "Text", 0, 0, 0),
        new(224641, "Alarms On", "Alarms On", "chartevents", "Alarms", null, "Text", 0, 0, 0),
    ];

    /// <summary>Items of the smaller ICU event tables, by table.</summary>
    public static readonly ChartItem[] OtherIcu =
    [
        new(225343, "Date of Admission to Hospital", "Date of Admission to Hospital", "datetimeevents", "ADT", null, "Date and time", 0, 0, 0),
        new(224280, "Last Dialysis", "Last Dialysis", "datetimeevents", "Dialysis", null, "Date and time", 0, 0, 0),
        new(225158, "NaCl 0.9%", "NaCl 0.9%", "inputevents", "Fluids/Intake", "mL", "Solution", 0, 0, 0),
        new(220490, "Free Water", "Free Water", "ingredientevents", "Ingredients", "mL", "Ingredient", 0, 0, 0),
        new(226559, "Foley", "Foley", "outputevents", "Output", "mL", "Numeric", 0, 0, 0),
        new(225792, "Invasive Ventilation", "Invasive Ventilation", "procedureevents", "2-Ventilation", "min", "Process", 0, 0, 0),
        new(224263, "Multi Lumen", "Multi Lumen", "procedureevents", "Access Lines - Invasive", "day", "Process", 0, 0, 0),
    ];

    public static readonly Code[] Diagnoses =
    [
        new("4280", 9, "Congestive heart failure, unspecified"), new("486", 9, "Pneumonia, organism unspecified"),
        new("5119", 9, "Unspecified pleural effusion"), new("4019", 9, "Unspecified essential hypertension"),
        new("25000", 9, "Diabetes mellitus without mention of complication, type II or unspecified type, not stated as uncontrolled"),
        new("V5861", 9, "Long-term (current) use of anticoagulants"), new("I5023", 10, "Acute on chronic systolic (congestive) heart failure"),
        new("J189", 10, "Pneumonia, unspecified organism"), new("J90", 10, "Pleural effusion, not elsewhere classified"),
        new("I10", 10, "Essential (primary) hypertension"), new("E119", 10, "Type 2 diabetes mellitus without complications"),
        new("R0602", 10, "Shortness of breath"), new("J9601", 10, "Acute respiratory failure with hypoxia"),
        new("N179", 10, "Acute kidney failure, unspecified"), new("Z7901", 10, "Long term (current) use of anticoagulants"),
    ];

    public static readonly Code[] Procedures =
    [
        new("3893", 9, "Venous catheterization, not elsewhere classified"), new("9604", 9, "Insertion of endotracheal tube"),
        new("9671", 9, "Continuous invasive mechanical ventilation for less than 96 consecutive hours"),
        new("02HV33Z", 10, "Insertion of Infusion Device into Superior Vena Cava, Percutaneous Approach"),
        new("0BH17EZ", 10, "Insertion of Endotracheal Airway into Trachea, Via Natural or Artificial Opening"),
        new("5A1955Z", 10, "Respiratory Ventilation, Greater than 96 Consecutive Hours"),
    ];

    /// <summary>HCPCS codes; the first is space-padded to five characters as in the real d_hcpcs.</summary>
    public static readonly (string Code, string Long, string Short)[] Hcpcs =
    [
        ("TD   ", "Rn", "Rn"), ("71045", "Radiologic examination, chest; single view", "Radiologic examination, chest; single view"),
        ("71046", "Radiologic examination, chest; 2 views", "Radiologic examination, chest; 2 views"),
        ("99291", "Critical care, evaluation and management of the critically ill or critically injured patient; first 30-74 minutes", "Critical care"),
        ("A0428", "Ambulance service, basic life support, non-emergency transport, (bls)", "Bls"),
        ("G0378", "Hospital observation service, per hour", "Hospital observation per hr"),
    ];

    public static readonly string[] Medications =
    [
        "Furosemide", "Heparin", "Acetaminophen", "Metoprolol Tartrate", "Insulin", "Sodium Chloride 0.9%  Flush",
        "Albuterol 0.083% Neb Soln", "Vancomycin", "Piperacillin-Tazobactam", "Docusate Sodium",
    ];

    /// <summary>Made-up provider ids in the real form (<c>P</c> and five letters or digits).</summary>
    public static string[] Providers(ulong seed)
    {
        var rng = Prng.Derive(seed, "providers");
        var set = new SortedSet<string>(StringComparer.Ordinal);
        while (set.Count < 40)
            set.Add("P" + new string([.. Enumerable.Range(0, 5).Select(_ => "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"[rng.Next(34)])]));
        return [.. set];
    }

    public static int[] Caregivers(ulong seed)
    {
        var rng = Prng.Derive(seed, "caregivers");
        var set = new SortedSet<int>();
        while (set.Count < 30)
            set.Add(rng.Range(100, 99999));
        return [.. set];
    }
}
