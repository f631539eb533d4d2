namespace Kiln.Display;

/// <summary>Where displayed values go: a notebook kernel installs one per executing cell.</summary>
public interface IDisplayChannel
{
    /// <summary>Shows <paramref name="value"/> as a new output and returns a handle that can replace it later.</summary>
    DisplayHandle Show(object? value);

    /// <summary>Replaces the output shown under <paramref name="displayId"/> with <paramref name="value"/>.</summary>
    void Update(string displayId, object? value);
}
