namespace MimicEye.Samples;

/// <summary>icu/inputevents and icu/ingredientevents, written together because each ingredient row
/// belongs to an input order (same orderid and times).</summary>
static class IcuInputWriter
{
    public static void Write(SampleContext ctx)
    {
        using var inputs = ctx.Output.CreateGzipCsv(IcuWriter.Path("inputevents"), SampleColumns.Split(SampleColumns.Icu["inputevents"]));
        using var ingredients = ctx.Output.CreateGzipCsv(IcuWriter.Path("ingredientevents"), SampleColumns.Split(SampleColumns.Icu["ingredientevents"]));
        foreach (var s in ctx.Plan.ById)
        {
            ctx.Cancel.ThrowIfCancellationRequested();
            var rng = ctx.Rng("icu/inputevents", s.Index);
            var order = 0;
            foreach (var stay in s.IcuStays)
            {
                var n = rng.Range(1, 3);
                for (var k = 0; k < n; k++)
                    Order(ctx, s, stay, 1_000_000 + (s.Index * 64L) + order++, rng, inputs.Rows, ingredients.Rows);
            }
        }
        inputs.Complete();
        ingredients.Complete();
    }

    static void Order(SampleContext ctx, SubjectPlan s, IcuStayPlan stay, long orderId, Prng rng, CsvRowWriter input, CsvRowWriter ingredient)
    {
        var start = IcuWriter.During(stay, rng);
        var hours = rng.Range(1, 8);
        var end = start.AddHours(hours);
        var rate = rng.Range(2, 30) * 5;
        var amount = rate * hours;
        var weight = rng.Range(450, 1200) / 10.0;
        IcuWriter.Lead(ctx, input, s, stay, rng);
        input.Time(start);
        input.Time(end);
        input.Time(end.AddMinutes(rng.Range(0, 15)));
        input.Int(225158);
        input.Int(amount);
        input.Text("ml");
        input.Int(rate);
        input.Text("mL/hour");
        input.Int(orderId);
        input.Int(orderId);
        input.Text("02-Fluids (Crystalloids)");
        input.Empty();
        input.Text("Main order parameter");
        input.Text("Continuous IV");
        input.Fixed(weight, 1);
        input.Int(1000);
        input.Text("ml");
        input.Int(0);
        input.Int(0);
        input.Text("FinishedRunning");
        input.Int(1000);
        input.Int(rate);
        input.EndRow();

        IcuWriter.Lead(ctx, ingredient, s, stay, rng);
        ingredient.Time(start);
        ingredient.Time(end);
        ingredient.Time(end.AddMinutes(rng.Range(0, 15)));
        ingredient.Int(220490);
        // A float as the real file prints it (49.999998807907104): the value went through a REAL.
        ingredient.Text(((double)(float)(amount * 0.9999999761581421)).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        ingredient.Text("ml");
        ingredient.Int(rate);
        ingredient.Text("mL/hour");
        ingredient.Int(orderId);
        ingredient.Int(orderId);
        ingredient.Text("FinishedRunning");
        ingredient.Int(0);
        ingredient.Int(rate);
        ingredient.EndRow();
    }
}
